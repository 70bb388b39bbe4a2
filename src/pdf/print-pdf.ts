import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import puppeteer, { type Browser, type BrowserContext, type HTTPRequest, type Page } from 'puppeteer-core';
import {
  browserDidNotAnswer,
  browserDidNotQuit,
  browserNotStarted,
  browserQuit,
  cannotCreateBrowserProfile,
  closingTimedOut,
  noBrowser,
  printerClosed,
  printerClosedWhilePrinting,
  printFailed,
  printsDidNotStop,
  printTookTooLong,
} from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';
import { browserArgs } from './browser-args.js';
import { profilePrefix, removeAbandonedProfiles, removeProfile } from './browser-profile.js';
import { killGroup, type StartedBrowser } from './early-browser.js';
import { currentBrowserSearchContext, findBrowser } from './find-browser.js';
import { namedDestinationPages } from './named-destination-pages.js';
import { PipeTransport } from './pipe-transport.js';
import { type DocumentInfo, withDocumentInfo } from './with-document-info.js';

export interface PdfPrinterOptions {
  /** Browser to run; by default the one `findBrowser` finds on this machine. */
  readonly executablePath?: string;
  /**
   * Run without Chrome's sandbox. Chrome refuses to start as root with the sandbox on, so that case
   * turns it off by itself; anywhere else the sandbox stays on unless asked.
   */
  readonly noSandbox?: boolean;
  /** How long the browser may take to start and answer. */
  readonly launchTimeoutMs?: number;
  /** How long one document may take to print, unless `print` is given its own timeout. */
  readonly printTimeoutMs?: number;
  /**
   * A browser already started (`startEarlyBrowser`) to connect to instead of launching one; if it does not
   * answer, it is killed and one is launched as usual.
   */
  readonly started?: StartedBrowser | null;
}

export interface PrintOptions extends DocumentInfo {
  /** Used when the document's CSS `@page` rule sets no size. */
  readonly paper: 'A4' | 'Letter';
  readonly timeoutMs?: number;
}

const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
const DEFAULT_PRINT_TIMEOUT_MS = 60_000;
/** Closing a page or the browser must not be what hangs the run. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Documents printed at once, each on its own page. One: a page holds its report's renderer (about 250 MiB for a
 * 24-page report), and a second page, which let the renderer set one document while printing another, made a
 * 20-report batch no faster (the same CPU and wall time, side by side at load 15: the workers preparing the
 * reports keep both cores busy) while it held 100-150 MiB more. A page that fails is replaced.
 */
const PAGES = 1;

/**
 * Prints self-contained HTML documents to PDF with one headless browser, reused for every document
 * until `close()`. Documents are printed on a pool of at most `PAGES` pages, each in a context of its own
 * (the first is the browser's initial tab, in this run's fresh profile), reused from one document to the
 * next: a new document replaces the old one whole, and with JavaScript off and every request refused except
 * `data:` URLs, a report cannot reach the network, run code or store anything another one could read.
 */
export class PdfPrinter {
  readonly executablePath: string;
  readonly #browser: Browser;
  /** The browser's process; null only where Puppeteer does not tell it. */
  readonly #child: ChildProcess | null;
  readonly #userDataDir: string;
  readonly #printTimeoutMs: number;
  #closed = false;
  /** Prints under way: close() lets each reach its next step before closing the browser under it. */
  readonly #printing = new Set<Promise<unknown>>();
  /**
   * The page of the first document, made ready as soon as the browser is up, while the report is still being
   * made: its print then starts with setting the content.
   */
  #spare: Promise<BlankPage> | undefined;
  /** Pages ready for the next document. */
  readonly #idle: BlankPage[] = [];
  /** Pages this printer holds, printing or idle, the spare included: at most `PAGES`. */
  #opened = 0;
  /** Prints waiting for a page. */
  readonly #waiting: (() => void)[] = [];

  /** The removal of profiles that killed runs left, awaited before this run ends. */
  readonly #sweep: Promise<void>;

  private constructor(
    executablePath: string,
    browser: Browser,
    child: ChildProcess | null,
    userDataDir: string,
    printTimeoutMs: number,
    sweep: Promise<void>,
  ) {
    this.executablePath = executablePath;
    this.#browser = browser;
    this.#child = child;
    this.#userDataDir = userDataDir;
    this.#printTimeoutMs = printTimeoutMs;
    this.#sweep = sweep;
    this.#opened = 1;
    this.#spare = this.#initialPage();
    // A spare that fails (the browser died) is reported by the print that takes it.
    this.#spare.catch(() => undefined);
  }

  static async launch(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
    const timeout = options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
    const printTimeout = options.printTimeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
    // Profiles that runs killed outright (SIGKILL, power loss) left behind; cleared alongside the launch.
    const sweep = removeAbandonedProfiles(tmpdir());
    const { started } = options;
    if (started !== undefined && started !== null) {
      const connected = await PdfPrinter.#connect(started, timeout, printTimeout, sweep);
      if (connected !== null) return connected;
    }
    const executablePath = options.executablePath ?? locateBrowser();
    const noSandbox = options.noSandbox === true || process.getuid?.() === 0;
    // A fresh profile per run: nothing cached or remembered from one client's report reaches another's.
    const userDataDir = await mkdtemp(path.join(tmpdir(), profilePrefix(process.pid))).catch(
      async (error: unknown) => {
        await sweep;
        const code = (error as NodeJS.ErrnoException).code ?? firstLine(error);
        throw cannotCreateBrowserProfile(tmpdir(), code, error);
      },
    );
    // Over a pipe Puppeteer's own timeout does not cover the first exchange with the browser, so a browser
    // that starts but never answers would hang the launch: this deadline kills it (its process group).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeout);
    try {
      const browser = await puppeteer.launch({
        executablePath,
        // 'shell' passes plain --headless: the old headless mode where a browser still has it (its PDF
        // outline support came first) and the current mode otherwise, incl. chrome-headless-shell.
        headless: 'shell',
        args: browserArgs(noSandbox),
        userDataDir,
        // The protocol runs over pipes rather than a port: if this process dies, even by SIGKILL, the
        // pipes close and the browser quits instead of running on with nobody to close it.
        pipe: true,
        timeout,
        signal: deadline.signal,
        // Printing has its own deadline below; this only stops a dead connection from waiting 180 s.
        protocolTimeout: Math.max(timeout, printTimeout) * 2,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return new PdfPrinter(executablePath, browser, browser.process(), userDataDir, printTimeout, sweep);
    } catch (error) {
      await Promise.all([removeProfile(userDataDir), sweep]);
      const why = deadline.signal.aborted ? { timeoutMs: timeout } : firstLine(error);
      throw browserNotStarted(executablePath, why, noSandbox, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Connects to a browser started before Puppeteer was loaded, over its DevTools pipe, as `launch` would have
   * (the same command line, `launchCommandLine`). When it does not answer in time it is killed and its profile
   * deleted, and the launch fails as a launched one would; null when it has quit: the caller launches one as
   * usual, which says what is wrong.
   */
  static async #connect(
    started: StartedBrowser,
    timeout: number,
    printTimeout: number,
    sweep: Promise<void>,
  ): Promise<PdfPrinter | null> {
    const { child } = started;
    const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    try {
      const browser = await withDeadline(
        (async () => {
          const connected = await puppeteer.connect({
            transport,
            protocolTimeout: Math.max(timeout, printTimeout) * 2,
          });
          // As launch does: the initial tab is there before the first document needs it.
          await connected.waitForTarget((target) => target.type() === 'page', { timeout });
          return connected;
        })(),
        timeout,
        browserDidNotAnswer,
      );
      return new PdfPrinter(started.executablePath, browser, child, started.userDataDir, printTimeout, sweep);
    } catch (error) {
      const hasQuit = child.exitCode !== null || child.signalCode !== null;
      // Its pending calls (each with a timer as long as the protocol timeout) are failed, not left to run out.
      transport.abandon();
      killGroup(child);
      await Promise.all([exited(child, CLOSE_TIMEOUT_MS), removeProfile(started.userDataDir), sweep]);
      if (hasQuit) return null;
      const why = error instanceof CniError ? { timeoutMs: timeout } : firstLine(error);
      throw browserNotStarted(started.executablePath, why, started.noSandbox, error);
    }
  }

  /** Prints one document. Rejects with BROWSER_FAILED if the browser errs, quits or takes longer than the timeout. */
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.#closed) throw printerClosed();
    if (!this.#browser.connected) throw browserQuit(`before printing "${options.title}"`);
    const timeoutMs = options.timeoutMs ?? this.#printTimeoutMs;
    let used: BlankPage | undefined;
    let printed = false;
    // Checked between DevTools calls: once close() is called, the print stops at its next step.
    const going = () => {
      if (this.#closed) throw printerClosedWhilePrinting(options.title);
    };
    const work = async () => {
      const blank = await this.#takePage(going);
      used = blank;
      going();
      const pdf = await printPage(
        blank.page,
        withTitle(html, options.title),
        options.paper,
        timeoutMs,
        going,
      );
      printed = true;
      return withDocumentInfo(pdf, options);
    };
    const printing = work();
    this.#printing.add(printing);
    try {
      return await withDeadline(printing, timeoutMs, () => printTookTooLong(options.title, timeoutMs));
    } catch (error) {
      if (!this.#browser.connected) throw browserQuit(`while printing "${options.title}"`, error);
      if (error instanceof CniError) throw error;
      throw printFailed(options.title, firstLine(error), error);
    } finally {
      // A page whose print failed or timed out may still be busy with it: it is closed, not reused.
      if (used !== undefined) await this.#givePage(used, printed);
      this.#printing.delete(printing);
    }
  }

  /** A page for the next document: an idle one, the spare, a new one while fewer than `PAGES`, or the next freed. */
  async #takePage(going: () => void): Promise<BlankPage> {
    for (;;) {
      going();
      const idle = this.#idle.pop();
      if (idle !== undefined) return idle;
      const spare = this.#spare;
      if (spare !== undefined || this.#opened < PAGES) {
        this.#spare = undefined;
        if (spare === undefined) this.#opened += 1;
        try {
          return await (spare ?? this.#blankPage());
        } catch (error) {
          this.#opened -= 1;
          this.#waiting.shift()?.();
          throw error;
        }
      }
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }

  /** Back to the pool for the next document, or closed when it must not be reused. */
  async #givePage(blank: BlankPage, reusable: boolean): Promise<void> {
    if (reusable && !this.#closed && this.#browser.connected) {
      this.#idle.push(blank);
    } else {
      this.#opened -= 1;
      if (this.#browser.connected) {
        await withDeadline(
          blank.context === null ? blank.page.close() : blank.context.close(),
          CLOSE_TIMEOUT_MS,
          () => closingTimedOut('the page'),
        ).catch(() => undefined);
      }
    }
    this.#waiting.shift()?.();
  }

  /**
   * The tab the browser opened at start, for the first document: the profile is this run's own and nothing
   * has been loaded in it, so it is as isolated as a new context, without a new window's start-up. It then
   * joins the pool of pages.
   */
  async #initialPage(): Promise<BlankPage> {
    const [initial] = await this.#browser.pages();
    if (initial === undefined) return this.#blankPage();
    await lockDown(initial);
    return { context: null, page: initial };
  }

  /** A new context and page for one document: JavaScript off, every request refused but `data:` URLs. */
  async #blankPage(): Promise<BlankPage> {
    // Its own context per document: no cache, storage or state carries over between clients' reports.
    const context = await this.#browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await lockDown(page);
      return { context, page };
    } catch (error) {
      if (this.#browser.connected) {
        await withDeadline(context.close(), CLOSE_TIMEOUT_MS, () => closingTimedOut('the page')).catch(
          () => undefined,
        );
      }
      throw error;
    }
  }

  /** Closes the browser and deletes its profile. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Prints waiting for a page see the printer closed and stop.
    for (const wake of this.#waiting.splice(0)) wake();
    // A browser closed while a DevTools call is under way (say newPage) can leave that call unanswered for
    // good, with Puppeteer's timers keeping the process alive: prints stop at their next step first.
    await withDeadline(
      Promise.allSettled([...this.#printing, ...(this.#spare === undefined ? [] : [this.#spare])]),
      CLOSE_TIMEOUT_MS,
      printsDidNotStop,
    ).catch(() => undefined);
    try {
      // Asked, not killed: the browser then deletes the shared-memory files it keeps under TMPDIR, which a
      // killed one leaves behind (and TMPDIR cannot move into the profile: its socket path would grow too
      // long for a Unix socket under a long TMPDIR).
      await withDeadline(this.#browser.close(), CLOSE_TIMEOUT_MS, () => closingTimedOut('the browser'));
      // A browser Puppeteer connected to rather than launched is not waited for by close().
      if (this.#child !== null && !(await exited(this.#child, CLOSE_TIMEOUT_MS))) throw browserDidNotQuit();
    } catch {
      // A browser that does not close in time is killed with its helper processes (Puppeteer starts it
      // as the leader of its own process group); none of them may outlive the run.
      if (this.#child !== null) killGroup(this.#child);
    } finally {
      await Promise.all([removeProfile(this.#userDataDir), this.#sweep]);
    }
  }
}

interface BlankPage {
  /** Null for the browser's initial tab, which is closed alone. */
  readonly context: BrowserContext | null;
  readonly page: Page;
}

/** JavaScript off and every request refused but `data:` URLs: a report cannot reach the network or run code. */
async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', refuseNetwork);
}

/** Whether `child` has exited within `ms` (at once if it has already). */
function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', done);
      resolve(false);
    }, ms);
    function done() {
      clearTimeout(timer);
      resolve(true);
    }
    child.once('exit', done);
  });
}

function locateBrowser(): string {
  const context = currentBrowserSearchContext();
  const found = findBrowser(context);
  if (found === null) throw noBrowser(context.platform);
  return found.executablePath;
}

async function printPage(
  page: Page,
  html: string,
  paper: PrintOptions['paper'],
  timeout: number,
  going: () => void,
) {
  // The PDF as delivered: tagged, with an outline. The draft that only tells where the contents' targets
  // fall is printed without either: the layout (pages, destinations) is the same, the print faster, and the
  // PDF small enough for pdf-lib to read in a few milliseconds.
  const print = (final: boolean) =>
    page.pdf({
      format: paper,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      outline: final,
      tagged: final,
      waitForFonts: true,
      timeout,
    });
  // Slots are found in the HTML itself: asking the page would inject Puppeteer's utility script first.
  if (!html.includes(PAGE_NUMBER_ATTRIBUTE)) {
    await page.setContent(html, { waitUntil: 'load', timeout });
    going();
    return print(true);
  }
  // The draft is laid out in full but paints nothing (visibility does not change layout): pages and
  // destinations as in the final print, at a fraction of the painting and of the PDF's size.
  await page.setContent(withEverythingHidden(html), { waitUntil: 'load', timeout });
  going();
  const draft = await print(false);
  going();
  const pages = Object.fromEntries(await namedDestinationPages(draft));
  // One call both shows the document again and fills the slots; set through DevTools, not by the page's own
  // scripts, which stay off.
  await page.evaluate(
    (styleId, attribute, numbers) => {
      // Runs in the page (this project's TypeScript has no DOM types).
      const { document } = globalThis as unknown as { document: PageDocument };
      document.getElementById(styleId)?.remove();
      for (const slot of document.querySelectorAll(`[${attribute}]`)) {
        const id = slot.getAttribute(attribute) ?? '';
        // Own keys only: a slot for "constructor" must not print Object's constructor.
        slot.textContent = Object.hasOwn(numbers, id) ? String(numbers[id]) : '';
      }
    },
    HIDE_STYLE_ID,
    PAGE_NUMBER_ATTRIBUTE,
    pages,
  );
  going();
  return print(true);
}

const HIDE_STYLE_ID = 'cnireport-draft-hidden';

/** The little of the DOM that filling the slots uses. */
interface PageDocument {
  getElementById(id: string): { remove(): void } | null;
  querySelectorAll(
    selector: string,
  ): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/**
 * The document with a style that hides everything, last in its <head> so that it wins over the document's
 * own; a document without a </head> is drafted as it is (painted, the same pages).
 */
function withEverythingHidden(html: string): string {
  const style = `<style id="${HIDE_STYLE_ID}">*,*::before,*::after{visibility:hidden!important}</style>`;
  const at = html.search(/<\/head\s*>/i);
  return at < 0 ? html : `${html.slice(0, at)}${style}${html.slice(at)}`;
}

/**
 * An element `<span data-page-of="id"></span>` receives, in the PDF, the page where the element with
 * that id starts; Chrome has no CSS target-counter(), so the document is printed once to find the pages
 * and again with them filled in. Slots take a fixed width, so the numbers cannot move a page break.
 * The id must be the target of a link in the document, which is what makes Chrome record its page.
 */
const PAGE_NUMBER_ATTRIBUTE = 'data-page-of';

/** The document is set directly, so the only legitimate loads are inline `data:` resources. */
function refuseNetwork(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (request.url().startsWith('data:')) void request.continue();
  else void request.abort('blockedbyclient');
}

/** Puts `title` into the document's <title> (replacing any), escaped, so the PDF metadata carries it. */
function withTitle(html: string, title: string): string {
  const element = `<title>${escapeHtml(title)}</title>`;
  if (/<title[\s>]/i.test(html)) return html.replace(/<title[\s>][\s\S]*?<\/title>/i, () => element);
  if (/<head[\s>]/i.test(html)) return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${element}`);
  // No <head>: after the doctype and <html> tag, so the document stays in standards mode.
  return html.replace(/^(\s*<!doctype[^>]*>)?(\s*<html[^>]*>)?/i, (start) => `${start}${element}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `timedOut`: the error the work fails with when it takes longer than `ms`. */
function withDeadline<T>(work: Promise<T>, ms: number, timedOut: () => CniError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
}
