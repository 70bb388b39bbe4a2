/**
 * Splits the JSON of a Kubernetes List (`{"apiVersion": "v1", "kind": "List", "items": [{…}, …]}`) into its
 * items as the bytes arrive, so a capture of any size is read in one pass with memory for one item at a
 * time: a 150,000-pod cluster's `kubectl get -o json` is hundreds of megabytes, beyond what one JSON.parse
 * (or one JavaScript string) can hold. Each item is handed to `onItem` as its own JSON text; the List's
 * other top-level strings (kind, apiVersion) are kept for the caller to check.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

export class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

export class JsonListSplitter {
  /** Strings of the top level, by key: `{ kind: 'List', apiVersion: 'v1' }`. */
  readonly topLevel: Record<string, string> = {};
  private depth = 0;
  private inString = false;
  /** Bytes of the file before the current chunk. */
  private consumed = 0;
  /** Whether the array being read is the top level's `items`, and at which depth its elements start. */
  private inItems = false;
  private itemsSeen = false;
  private done = false;
  /** An item begun in an earlier chunk: its bytes so far. */
  private carry: Buffer[] = [];
  private itemStart = -1;
  /** The current top-level string's bytes (keys and short values only), and what comes after a colon. */
  private topString: number[] = [];
  private afterColon = false;
  private escaped = false;
  private lastKey = '';

  constructor(private readonly onItem: (json: string, offset: number) => void) {}

  push(chunk: Buffer): void {
    let i = 0;
    const length = chunk.length;
    if (this.itemStart >= 0 || this.carry.length > 0) this.itemStart = 0;
    while (i < length) {
      if (this.inString) {
        if (this.depth === 1) {
          // A top-level key or value: kept byte by byte (they are short).
          const byte = chunk[i] as number;
          if (this.escaped) {
            this.escaped = false;
            if (this.topString.length < 256) this.topString.push(BACKSLASH, byte);
          } else if (byte === BACKSLASH) this.escaped = true;
          else if (byte === QUOTE) {
            this.inString = false;
            this.endTopString();
          } else if (this.topString.length < 256) this.topString.push(byte);
          i += 1;
          continue;
        }
        // Inside an item: jump to the next quote and check it is not escaped.
        const quote = chunk.indexOf(QUOTE, i);
        if (quote < 0) {
          i = length;
          break;
        }
        let slashes = 0;
        for (let j = quote - 1; j >= 0 && chunk[j] === BACKSLASH; j -= 1) slashes += 1;
        // A run of backslashes that began in an earlier chunk counts too.
        if (slashes === quote) slashes += this.trailingBackslashes();
        i = quote + 1;
        if (slashes % 2 === 0) this.inString = false;
        continue;
      }
      const byte = chunk[i] as number;
      switch (byte) {
        case QUOTE:
          if (this.depth === 2 && this.inItems)
            throw new JsonSyntaxError('an item that is not an object', this.consumed + i);
          this.inString = true;
          if (this.depth === 1) this.topString = [];
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.done) throw new JsonSyntaxError('more after the end of the JSON', this.consumed + i);
          if (this.depth === 0 && byte !== OPEN_BRACE)
            throw new JsonSyntaxError('a JSON array, not an object', this.consumed + i);
          if (this.depth === 1) {
            if (byte === OPEN_BRACKET && this.lastKey === 'items' && this.afterColon) {
              this.inItems = true;
              this.itemsSeen = true;
            }
          } else if (this.depth === 2 && this.inItems) {
            if (byte !== OPEN_BRACE)
              throw new JsonSyntaxError('an item that is not an object', this.consumed + i);
            this.itemStart = i;
          }
          this.depth += 1;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.depth -= 1;
          if (this.depth < 0)
            throw new JsonSyntaxError(`an unmatched ${String.fromCharCode(byte)}`, this.consumed + i);
          if (this.depth === 2 && this.inItems && byte === CLOSE_BRACE) this.emit(chunk, i + 1);
          else if (this.depth === 1 && this.inItems) this.inItems = false;
          else if (this.depth === 0) this.done = true;
          break;
        case COLON:
          if (this.depth === 1) this.afterColon = true;
          break;
        case COMMA:
          if (this.depth === 1) this.afterColon = false;
          break;
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          break;
        default:
          if (this.depth === 0) throw new JsonSyntaxError('not JSON', this.consumed + i);
          if (this.depth === 2 && this.inItems)
            throw new JsonSyntaxError('an item that is not an object', this.consumed + i);
      }
      i += 1;
    }
    if (this.itemStart >= 0) {
      this.carry.push(chunk.subarray(this.itemStart));
      this.itemStart = -1;
    }
    this.consumed += length;
  }

  /** Checks the List is complete; throws a JsonSyntaxError if the JSON stopped early or held no items array. */
  end(): void {
    if (this.depth !== 0 || this.inString || !this.done)
      throw new JsonSyntaxError('it stops before its end (a truncated file?)', this.consumed);
    if (!this.itemsSeen) throw new JsonSyntaxError('no "items" list at the top level', 0);
  }

  private trailingBackslashes(): number {
    let count = 0;
    for (let c = this.carry.length - 1; c >= 0; c -= 1) {
      const part = this.carry[c] as Buffer;
      for (let j = part.length - 1; j >= 0; j -= 1) {
        if (part[j] !== BACKSLASH) return count;
        count += 1;
      }
    }
    return count;
  }

  private endTopString(): void {
    const value = Buffer.from(this.topString).toString('utf8');
    if (this.afterColon) this.topLevel[this.lastKey] = value;
    else this.lastKey = value;
  }

  private emit(chunk: Buffer, end: number): void {
    const start = this.itemStart;
    let json: string;
    let offset: number;
    if (this.carry.length > 0) {
      const parts = [...this.carry, chunk.subarray(0, end)];
      const total = parts.reduce((sum, p) => sum + p.length, 0);
      offset = this.consumed + end - total;
      json = Buffer.concat(parts, total).toString('utf8');
      this.carry = [];
    } else {
      offset = this.consumed + start;
      json = chunk.toString('utf8', start, end);
    }
    this.itemStart = -1;
    this.onItem(json, offset);
  }
}
