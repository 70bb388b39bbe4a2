import type { FileHandle } from 'node:fs/promises';
import { ITEM_SEPARATOR, type ListRange } from './kubectl-list-splitter.js';

/** A part of a capture file, read on its own: bytes [start, end), and where in the List it lies. */
export interface ByteRange extends ListRange {
  readonly start: number;
  readonly end: number;
}

/** Below this a part is not worth a thread: starting one costs more than it saves. */
export const PART_BYTES_AT_LEAST = 64 << 20;
/** How far past a part's planned start the item that ends there is looked for. */
const WINDOW = 1 << 20;

/**
 * Cuts a capture in kubectl's layout into up to `parts` ranges of about equal size, each starting at an
 * item's end (see ITEM_SEPARATOR), so that each can be read on its own thread. One range when the file is
 * small, or when no item ends near a planned cut (the next range then starts at a later one, or not at all).
 */
export async function captureRanges(
  file: FileHandle,
  size: number,
  parts: number,
  partBytesAtLeast = PART_BYTES_AT_LEAST,
): Promise<ByteRange[]> {
  const count = Math.max(1, Math.min(parts, Math.floor(size / partBytesAtLeast)));
  const cuts: number[] = [];
  const window = Buffer.alloc(WINDOW);
  for (let k = 1; k < count; k += 1) {
    const planned = Math.max(Math.floor((size * k) / count), (cuts.at(-1) ?? 0) + 1);
    const { bytesRead } = await file.read(window, 0, WINDOW, planned);
    const found = window.subarray(0, bytesRead).indexOf(ITEM_SEPARATOR);
    // The cut is the separator's last newline: the range before ends after it, the next starts on it.
    if (found >= 0) cuts.push(planned + found + ITEM_SEPARATOR.length - 1);
  }
  const starts = [0, ...cuts];
  return starts.map((start, i) => {
    const next = cuts[i];
    return {
      start,
      end: next === undefined ? size : next + 1,
      first: i === 0,
      last: next === undefined,
    };
  });
}
