import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/**
 * The DevTools protocol over the pipes of a browser started with --remote-debugging-pipe (file descriptors 3
 * and 4 of its process), messages ended by a NUL byte: what Puppeteer's launch uses, for a browser this tool
 * started itself before Puppeteer was loaded (`startEarlyBrowser`). Puppeteer does not export its own.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #write: Writable;
  readonly #read: Readable;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(write: Writable, read: Readable) {
    this.#write = write;
    this.#read = read;
    read.on('data', this.#receive);
    read.on('close', this.#ended);
    // A browser that quits closes its pipes: the connection learns it from `close`, not from an error.
    read.on('error', ignore);
    write.on('error', ignore);
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#write.write(message);
    this.#write.write('\0');
  }

  /** Stops reading and writing; the pipes are closed, so they no longer keep the process alive. */
  close(): void {
    this.#closed = true;
    this.#read.off('data', this.#receive);
    this.#read.off('close', this.#ended);
    this.#read.destroy();
    this.#write.destroy();
  }

  /** Gives up on a browser that does not answer: the connection fails what it still waits for, then closes. */
  abandon(): void {
    this.onclose?.();
    this.close();
  }

  readonly #receive = (chunk: Buffer): void => {
    let start = 0;
    let end = chunk.indexOf(0);
    while (end !== -1) {
      this.#pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.#pending).toString('utf8');
      this.#pending = [];
      // As Puppeteer's own transport does: each message in its own turn of the event loop.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  };

  readonly #ended = (): void => {
    this.onclose?.();
  };
}

function ignore(): void {}
