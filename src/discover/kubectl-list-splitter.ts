/**
 * The fast way through `kubectl get … -o json`: kubectl prints a List with four-space indentation, its keys in
 * order, so each item ends where a line holds exactly eight spaces and a closing brace. A raw newline cannot
 * occur inside a JSON string, so that line can only be an item's end; the native Buffer.indexOf finds it, and
 * JSON.parse reads (and checks) each item. Anything else (compact JSON, another indentation, an item
 * JSON.parse refuses) is a `NotKubectlLayout`, and the caller reads the file again with JsonListSplitter,
 * which assumes no layout and finds every error's place.
 */

const HEAD = Buffer.from('{\n    "apiVersion": "v1",\n    "items": [\n');
const BETWEEN = Buffer.from('\n        },\n');
const LAST = Buffer.from('\n        }\n    ]');

export class NotKubectlLayout extends Error {}

/** Whether a file starts as kubectl prints a List (the first bytes are enough). */
export function looksLikeKubectlList(head: Buffer): boolean {
  return head.subarray(0, HEAD.length).equals(HEAD);
}

export class KubectlListSplitter {
  private rest: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly onItem: (item: unknown) => void) {}

  push(chunk: Buffer): void {
    let data = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    if (!this.started) {
      if (data.length < HEAD.length) {
        this.rest = data;
        return;
      }
      if (!looksLikeKubectlList(data)) throw new NotKubectlLayout();
      data = data.subarray(HEAD.length);
      this.started = true;
    }
    let from = 0;
    for (let end = data.indexOf(BETWEEN, from); end >= 0; end = data.indexOf(BETWEEN, from)) {
      this.item(data.toString('utf8', from, end + 10));
      from = end + BETWEEN.length;
    }
    // What is left is the start of the next item: kept (as a copy, so the chunk can go).
    this.rest = Buffer.from(data.subarray(from));
  }

  /** The List's own fields after its items, checked; throws NotKubectlLayout if the end is not kubectl's. */
  end(): { kind: unknown; apiVersion: unknown } {
    if (!this.started) throw new NotKubectlLayout();
    // An empty List is printed `"items": [],` on one line: never this layout's head, so there is a last item.
    const last = this.rest.indexOf(LAST);
    if (last < 0) throw new NotKubectlLayout();
    this.item(this.rest.toString('utf8', 0, last + 10));
    const tail = this.rest.toString('utf8', last + LAST.length);
    try {
      const list = JSON.parse(`{"apiVersion":"v1","items":[]${tail}`) as Record<string, unknown>;
      return { kind: list.kind, apiVersion: list.apiVersion };
    } catch {
      throw new NotKubectlLayout();
    }
  }

  private item(json: string): void {
    let item: unknown;
    try {
      item = JSON.parse(json);
    } catch {
      throw new NotKubectlLayout();
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new NotKubectlLayout();
    this.onItem(item);
  }
}
