import { type JsonView, parsedJsonView } from './json-view.js';

/**
 * The fast way through `kubectl get … -o json`. kubectl prints a List with four-space indentation, so a line
 * holding only spaces and a closing brace ends the block opened at that indentation: a raw newline cannot
 * occur inside a JSON string, so such a line is never part of a value. Items are found by their closing
 * line (8 spaces and a brace, located with the native single-byte search), and each is handed on as a
 * view that finds a field by its key at its indentation and parses only the values read: a 150,000-pod
 * capture is hundreds of megabytes, and parsing all of it to read a few fields per pod costs seconds.
 * Anything else (compact JSON, another indentation, a file that stops early) is a `NotKubectlLayout`, and
 * the caller reads the file again with JsonListSplitter, which assumes no layout and finds every error's
 * place. What this reader does not read it does not check: a syntax error inside a field discover skips
 * goes unnoticed, as it would in the printed command's capture, which never holds those fields.
 */

const HEAD = Buffer.from('{\n    "apiVersion": "v1",\n    "items": [\n');
const LAST = Buffer.from('\n    ]');
const ITEM_INDENT = 8;
/** The buffer's first size: a read's chunk and a partial item, grown when an item is larger. */
const FIRST_BUFFER_BYTES = 8 << 20;

const NEWLINE = 0x0a;
const SPACE = 0x20;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Blocks smaller than this are parsed whole: cheaper than walking their members. */
const PARSE_BELOW = 256;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

export class NotKubectlLayout extends Error {}

/** Whether a file starts as kubectl prints a List (the first bytes are enough). */
export function looksLikeKubectlList(head: Buffer): boolean {
  return head.subarray(0, HEAD.length).equals(HEAD);
}

/** Whether `at` begins a line's content after exactly `indent` spaces. */
function startsLine(bytes: Buffer, at: number, indent: number): boolean {
  if (at - indent - 1 < 0 || bytes[at - indent - 1] !== NEWLINE) return false;
  for (let i = at - indent; i < at; i += 1) if (bytes[i] !== SPACE) return false;
  return true;
}

/** Where the block opened at `indent` closes: its closing brace or bracket alone on a line at that indent. */
function closingAt(bytes: Buffer, from: number, end: number, indent: number, close: number): number {
  for (let i = bytes.indexOf(close, from); i >= 0 && i < end; i = bytes.indexOf(close, i + 1))
    if (startsLine(bytes, i, indent)) return i;
  throw new NotKubectlLayout();
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new NotKubectlLayout();
  }
}

/**
 * Where the value at `at` (on a line indented by `indent`, within bytes up to `end`) closes: the bracket of
 * its closing line for a block that spans lines, -1 for a value on one line.
 */
function closeOf(bytes: Buffer, at: number, end: number, indent: number): number {
  const first = bytes[at];
  if ((first !== OPEN_BRACE && first !== OPEN_BRACKET) || bytes[at + 1] !== NEWLINE) return -1;
  return closingAt(bytes, at + 2, end, indent, first === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
}

/** The newline that ends a value's last line (or `end`). */
function lineAfter(bytes: Buffer, at: number, close: number, end: number): number {
  const next = bytes.indexOf(NEWLINE, close >= 0 ? close : at);
  return next < 0 || next > end ? end : next;
}

function viewOf(bytes: Buffer, at: number, close: number, end: number, indent: number): JsonView {
  if (close < 0) {
    let lineEnd = lineAfter(bytes, at, close, end);
    if (bytes[lineEnd - 1] === COMMA) lineEnd -= 1;
    // A string without escapes is its bytes; anything else is parsed.
    if (bytes[at] === QUOTE && bytes[lineEnd - 1] === QUOTE && lineEnd - at >= 2) {
      if (!hasBackslash(bytes, at + 1, lineEnd - 1))
        return parsedJsonView(bytes.toString('utf8', at + 1, lineEnd - 1));
    }
    return parsedJsonView(parse(bytes.toString('utf8', at, lineEnd)));
  }
  if (close - at < PARSE_BELOW) return parsedJsonView(parse(bytes.toString('utf8', at, close + 1)));
  return new IndentedView(bytes, at + 1, close - indent - 1, indent + 4, bytes[at] === OPEN_BRACE);
}

/** Whether a string's bytes [from, to) hold an escape; scanned here, since indexOf cannot stop at `to`. */
function hasBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (bytes[i] === BACKSLASH) return true;
  return false;
}

/** The index of the quote that closes the string opened at `at`. */
function stringEnd(bytes: Buffer, at: number, end: number): number {
  for (
    let quote = bytes.indexOf(QUOTE, at + 1);
    quote >= 0 && quote < end;
    quote = bytes.indexOf(QUOTE, quote + 1)
  ) {
    let slashes = 0;
    while (bytes[quote - 1 - slashes] === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return quote;
  }
  throw new NotKubectlLayout();
}

const keyBytes = new Map<string, Buffer>();
const bytesOfKey = (key: string): Buffer => {
  let bytes = keyBytes.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(key);
    keyBytes.set(key, bytes);
  }
  return bytes;
};

/**
 * An object or array still in kubectl's layout: its members are the lines of [start, end) indented by
 * `indent` (start is the newline after the opening brace, end the newline before the closing line). An
 * object's members are walked once, on the first read, hopping over each value to the next member line;
 * keys are compared as bytes, never decoded.
 */
class IndentedView implements JsonView {
  /** Per member: its key's first byte and the byte after it, its value's start and closing bracket. */
  private members: number[] | undefined;

  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
    private readonly indent: number,
    private readonly isObject: boolean,
  ) {}

  get(key: string): JsonView | undefined {
    if (!this.isObject) return undefined;
    const { bytes } = this;
    const members = this.memberPlaces();
    const wanted = bytesOfKey(key);
    // As JSON.parse does, a key given twice keeps its last value.
    for (let m = members.length - 4; m >= 0; m -= 4) {
      const from = members[m] as number;
      const to = members[m + 1] as number;
      // An escaped key (marked by a negative start) is decoded; any other is compared as bytes.
      let found =
        from < 0 ? parse(`"${bytes.toString('utf8', -from, to)}"`) === key : to - from === wanted.length;
      for (let i = 0; found && from >= 0 && i < wanted.length; i += 1) found = bytes[from + i] === wanted[i];
      if (found)
        return viewOf(bytes, members[m + 2] as number, members[m + 3] as number, this.end, this.indent);
    }
    return undefined;
  }

  elements(): JsonView[] {
    if (this.isObject) return [];
    const { bytes, end, indent } = this;
    const out: JsonView[] = [];
    for (let line = this.start; line < end; ) {
      const at = line + 1 + indent;
      if (!startsLine(bytes, at, indent)) throw new NotKubectlLayout();
      const close = closeOf(bytes, at, end, indent);
      out.push(viewOf(bytes, at, close, end, indent));
      line = lineAfter(bytes, at, close, end);
    }
    return out;
  }

  scalar(): unknown {
    return undefined;
  }

  private memberPlaces(): number[] {
    if (this.members !== undefined) return this.members;
    const { bytes, end, indent } = this;
    const members: number[] = [];
    for (let line = this.start; line < end; ) {
      const at = line + 1 + indent;
      if (!startsLine(bytes, at, indent) || bytes[at] !== QUOTE) throw new NotKubectlLayout();
      const quote = stringEnd(bytes, at, end);
      if (bytes[quote + 1] !== COLON || bytes[quote + 2] !== SPACE) throw new NotKubectlLayout();
      const close = closeOf(bytes, quote + 3, end, indent);
      members.push(hasBackslash(bytes, at + 1, quote) ? -(at + 1) : at + 1, quote, quote + 3, close);
      line = lineAfter(bytes, quote + 3, close, end);
    }
    this.members = members;
    return members;
  }
}

/**
 * Where a byte range of kubectl's List lies: the first range holds the List's head, the last its tail; a
 * range that does not begin the file begins at the newline after an item's closing `},`, and one that does
 * not end it ends just after that newline (see captureRanges).
 */
export interface ListRange {
  readonly first: boolean;
  readonly last: boolean;
}

const WHOLE_LIST: ListRange = { first: true, last: true };

/**
 * Splits kubectl's List (or a range of it) into item views as the bytes arrive; `end` checks what is left.
 * The bytes are read into the splitter's own buffer (`room`, then `commit`), reused from chunk to chunk: a
 * capture is hundreds of megabytes, and a fresh buffer per chunk kept the garbage collector busy. An item's
 * view is read while `onItem` runs and not kept, so the buffer may be overwritten afterwards.
 */
export class KubectlListSplitter {
  private buffer: Buffer = Buffer.allocUnsafe(FIRST_BUFFER_BYTES);
  /** Bytes [0, pending) of the buffer are read and not yet handed on: an item's start, or the List's tail. */
  private pending = 0;
  private started: boolean;
  private itemsEnded = false;

  constructor(
    private readonly onItem: (item: JsonView) => void,
    private readonly range: ListRange = WHOLE_LIST,
  ) {
    this.started = !range.first;
  }

  /** Where the next `size` bytes read go: the buffer after what is pending, grown if need be. */
  room(size: number): Buffer {
    if (this.buffer.length - this.pending < size) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.pending + size));
      this.buffer.copy(grown, 0, 0, this.pending);
      this.buffer = grown;
    }
    return this.buffer.subarray(this.pending);
  }

  /** Hands on the items that the `count` bytes just read into `room` complete. */
  commit(count: number): void {
    this.pending += count;
    let data = this.buffer.subarray(0, this.pending);
    let offset = 0;
    if (!this.started) {
      if (data.length < HEAD.length) return;
      if (!looksLikeKubectlList(data)) throw new NotKubectlLayout();
      offset = HEAD.length - 1;
      data = data.subarray(offset);
      this.started = true;
    }
    if (this.itemsEnded) return;
    // data starts at the newline before an item's first line.
    let from = 0;
    for (
      let close = data.indexOf(CLOSE_BRACE, from);
      close >= 0;
      close = data.indexOf(CLOSE_BRACE, close + 1)
    ) {
      if (!startsLine(data, close, ITEM_INDENT)) continue;
      if (close + LAST.length + 1 > data.length) break;
      const between = data[close + 1] === COMMA && data[close + 2] === NEWLINE;
      const last = !between && data.subarray(close + 1, close + 1 + LAST.length).equals(LAST);
      if (!between && !last) throw new NotKubectlLayout();
      this.item(data.subarray(from, close + 1));
      from = close + (between ? 2 : 1);
      if (last) {
        this.itemsEnded = true;
        break;
      }
    }
    // What is left, the start of the next item or the List's tail, moves to the buffer's start.
    this.buffer.copyWithin(0, offset + from, this.pending);
    this.pending -= offset + from;
  }

  /** Hands on the items a chunk completes (a stream's chunk, copied in). */
  push(chunk: Buffer): void {
    chunk.copy(this.room(chunk.length));
    this.commit(chunk.length);
  }

  /**
   * What is left after the last chunk, checked: the List's own fields for a range that ends the file, else
   * nothing (its last item, which ends `},` and a newline, is handed on here). Throws NotKubectlLayout if what
   * is left is not kubectl's.
   */
  end(): { kind: unknown; apiVersion: unknown } | undefined {
    const rest = this.buffer.subarray(0, this.pending);
    if (!this.range.last) {
      const close = rest.length - 3;
      if (
        this.itemsEnded ||
        close < 0 ||
        rest[close] !== CLOSE_BRACE ||
        rest[close + 1] !== COMMA ||
        rest[close + 2] !== NEWLINE ||
        !startsLine(rest, close, ITEM_INDENT)
      )
        throw new NotKubectlLayout();
      this.item(rest.subarray(0, close + 1));
      return undefined;
    }
    // An empty List is printed `"items": [],` on one line: never this layout's head, so there is a last item.
    if (!this.itemsEnded || !rest.subarray(0, LAST.length).equals(LAST)) throw new NotKubectlLayout();
    const list = parse(`{"apiVersion":"v1","items":[]${rest.toString('utf8', LAST.length)}`);
    if (typeof list !== 'object' || list === null) throw new NotKubectlLayout();
    const { kind, apiVersion } = list as Record<string, unknown>;
    return { kind, apiVersion };
  }

  /** One item: a newline, eight spaces, `{`, its members, and its closing line. */
  private item(item: Buffer): void {
    const open = 1 + ITEM_INDENT;
    if (!startsLine(item, open, ITEM_INDENT) || item[open] !== OPEN_BRACE || item[open + 1] !== NEWLINE)
      throw new NotKubectlLayout();
    const close = item.length - 1;
    this.onItem(new IndentedView(item, open + 1, close - ITEM_INDENT - 1, ITEM_INDENT + 4, true));
  }
}

/**
 * The bytes that end every item but the last: the closing line at an item's indentation, its comma and
 * newline. A raw newline cannot occur inside a JSON string, so in kubectl's layout these bytes are always
 * an item's end, and a reader may start at any of them (see captureRanges).
 */
export const ITEM_SEPARATOR = Buffer.from(`\n${' '.repeat(ITEM_INDENT)}},\n`);
