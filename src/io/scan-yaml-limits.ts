import { CST, Lexer } from 'yaml';

/** Where a document first goes past a limit, reading from the top: the collection's offset. */
export interface YamlLimitPassed {
  readonly limit: 'nesting' | 'entries';
  readonly offset: number;
}

interface Collection {
  readonly offset: number;
  /** Block collections: the column of their items; flow collections: -1. */
  readonly column: number;
  readonly seq: boolean;
  /** Flow collections: the next significant token starts an item (after the opener or a comma). */
  expectItem: boolean;
}

/**
 * A cheap look at the text before yaml's parser builds its syntax tree: the first collection nested deeper than
 * `maxDepth`, or the collection whose entries take the document past `maxEntries`, or undefined. It reads
 * yaml's own lexer (so quotes, comments and block scalars are read as yaml reads them) and stops at the first
 * limit passed: a hostile 1 MiB file of nested or repeated collections, whose syntax tree took seconds to
 * build (half of it garbage collection), is refused after its first thousand entries.
 *
 * Only refuses what the syntax tree's own checks (`findDeepNesting`, `findExcessEntries`) would refuse: each
 * entry counted starts an entry of its own there (a list item's dash; a key followed by its colon on the same
 * line, not the value of a `?` key; the first token of a flow item), and each level counted is a level there.
 * What it misses, they still catch. Pure.
 */
export function scanYamlLimits(
  source: string,
  maxDepth: number,
  maxEntries: number,
): YamlLimitPassed | undefined {
  const open: Collection[] = [];
  let flows = 0;
  let entries = 0;
  let offset = 0;
  let lineStart = 0;
  /** The first token since the line began or the last block indicator: where an implicit key starts. */
  let keyStart: number | undefined;
  let plainScalar = false;

  /** Places a block item at `column`, ending the collections it closes. */
  const blockItem = (at: number, column: number, seq: boolean): YamlLimitPassed | undefined => {
    while (open.length > 0 && (open.at(-1)?.column ?? -1) > column) open.pop();
    const top = open.at(-1);
    // A list may sit at its key's column; a key at a list's column ends that list.
    if (top !== undefined && top.column === column && top.seq && !seq) open.pop();
    const same = open.at(-1);
    if (same === undefined || same.column !== column || same.seq !== seq) {
      open.push({ offset: at, column, seq, expectItem: false });
      if (open.length > maxDepth) return { limit: 'nesting', offset: at };
    }
    return counted(open.at(-1)?.offset ?? at);
  };
  const counted = (collection: number): YamlLimitPassed | undefined =>
    ++entries > maxEntries ? { limit: 'entries', offset: collection } : undefined;
  /** A significant token inside a flow collection: the first one after the opener or a comma starts an item. */
  const flowToken = (): YamlLimitPassed | undefined => {
    const top = open.at(-1);
    if (top === undefined || !top.expectItem) return undefined;
    top.expectItem = false;
    return counted(top.offset);
  };

  /** A scalar, alias or property: an item in a flow collection, or where a key may start; it may span lines. */
  const valueToken = (at: number, token: string): YamlLimitPassed | undefined => {
    const nl = token.lastIndexOf('\n');
    if (nl !== -1) {
      // A block scalar's text or a multi-line scalar: a key starts on a line of its own.
      lineStart = at + nl + 1;
      if (flows === 0) keyStart = undefined;
      return flows > 0 ? flowToken() : undefined;
    }
    if (flows > 0) return flowToken();
    keyStart ??= at;
    return undefined;
  };

  for (const token of new Lexer().lex(source)) {
    const at = offset;
    if (plainScalar) {
      plainScalar = false;
      offset += token.length;
      const passed = valueToken(at, token);
      if (passed !== undefined) return passed;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'doc-mode') continue;
    if (type === 'flow-error-end') {
      // an unterminated flow collection, ended by a line less indented (yaml reports it)
      open.splice(open.length - flows);
      flows = 0;
      continue;
    }
    if (type === 'scalar') {
      plainScalar = true;
      continue;
    }
    offset += token.length;
    let passed: YamlLimitPassed | undefined;
    switch (type) {
      case 'newline':
        lineStart = offset;
        if (flows === 0) keyStart = undefined;
        break;
      case 'space':
      case 'comment':
      case 'directive-line':
      case 'byte-order-mark':
      case null:
        break;
      case 'doc-start':
      case 'doc-end':
        open.length = 0;
        flows = 0;
        keyStart = undefined;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        if (flows > 0) passed = flowToken();
        else keyStart ??= at;
        if (passed !== undefined) return passed;
        open.push({ offset: at, column: -1, seq: type === 'flow-seq-start', expectItem: true });
        flows++;
        if (open.length > maxDepth) return { limit: 'nesting', offset: at };
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (flows > 0) {
          open.pop();
          flows--;
        }
        break;
      case 'comma': {
        const top = open.at(-1);
        if (flows > 0 && top !== undefined) top.expectItem = true;
        break;
      }
      case 'seq-item-ind':
        if (flows > 0) passed = flowToken();
        else {
          passed = blockItem(at, at - lineStart, true);
          keyStart = undefined;
        }
        break;
      case 'explicit-key-ind':
        if (flows > 0) passed = flowToken();
        else {
          passed = blockItem(at, at - lineStart, false);
          keyStart = undefined;
        }
        break;
      case 'map-value-ind':
        if (flows > 0) passed = flowToken();
        else {
          // Only a key on the same line makes an entry of its own: a colon alone may be a `?` key's value.
          if (keyStart !== undefined) passed = blockItem(keyStart, keyStart - lineStart, false);
          keyStart = undefined;
        }
        break;
      default:
        // quoted scalars, aliases, anchors, tags and block scalars' headers
        passed = valueToken(at, token);
    }
    if (passed !== undefined) return passed;
  }
  return undefined;
}
