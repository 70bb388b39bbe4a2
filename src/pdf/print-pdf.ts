import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type HTTPRequest, type Page } from 'puppeteer-core';
import { isProcessRunning } from '../generate/is-process-running.js';
import { CniError } from '../shared/errors.js';
import { currentBrowserSearchContext, findBrowser, noBrowserNotice } from './find-browser.js';
import { namedDestinationPages } from './named-destination-pages.js';
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

/** Chrome switches for a quiet, offline, single-purpose printing browser. */
export const BROWSER_ARGS = [
  // Headless Chromium 156 preloads two WebUI renderers for the omnibox popup at start and again with every
  // new window, about 1.3 s of CPU each time, and keeps a spare renderer warm: none of it prints anything.
  // Puppeteer merges this with its own --disable-features. Unknown names are ignored by other versions; a
  // test checks that this browser shows no browser_ui target.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
];

/**
 * Prints self-contained HTML documents to PDF with one headless browser, reused for every document
 * until `close()`. Each document gets its own browser context and page, with JavaScript off and every
 * request refused except `data:` URLs, so a report cannot reach the network or run code.
 */
export class PdfPrinter {
  readonly executablePath: string;
  readonly #browser: Browser;
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

  /** The removal of profiles that killed runs left, awaited before this run ends. */
  readonly #sweep: Promise<void>;

  private constructor(
    executablePath: string,
    browser: Browser,
    userDataDir: string,
    printTimeoutMs: number,
    sweep: Promise<void>,
  ) {
    this.executablePath = executablePath;
    this.#browser = browser;
    this.#userDataDir = userDataDir;
    this.#printTimeoutMs = printTimeoutMs;
    this.#sweep = sweep;
  }

  static async launch(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
    const executablePath = options.executablePath ?? locateBrowser();
    const noSandbox = options.noSandbox === true || process.getuid?.() === 0;
    const timeout = options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
    const printTimeout = options.printTimeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
    // Profiles that runs killed outright (SIGKILL, power loss) left behind; cleared alongside the launch.
    const sweep = removeAbandonedProfiles(tmpdir());
    // A fresh profile per run: nothing cached or remembered from one client's report reaches another's.
    const userDataDir = await mkdtemp(path.join(tmpdir(), profilePrefix(process.pid))).catch(
      async (error: unknown) => {
        await sweep;
        const code = (error as NodeJS.ErrnoException).code ?? firstLine(error);
        throw new CniError(
          'BROWSER_FAILED',
          `could not start the browser: cannot create its profile folder in ${tmpdir()} (${code})`,
          { hint: 'Free some space there, or set TMPDIR to a writable folder.', cause: error },
        );
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
        args: noSandbox ? ['--no-sandbox', ...BROWSER_ARGS] : BROWSER_ARGS,
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
      const printer = new PdfPrinter(executablePath, browser, userDataDir, printTimeout, sweep);
      printer.#spare = printer.#initialPage();
      // A spare that fails (the browser died) is reported by the print that takes it.
      printer.#spare.catch(() => undefined);
      return printer;
    } catch (error) {
      await Promise.all([removeProfile(userDataDir), sweep]);
      const reason = deadline.signal.aborted
        ? `it did not answer within ${seconds(timeout)}`
        : firstLine(error);
      throw new CniError('BROWSER_FAILED', `could not start the browser ${executablePath}: ${reason}`, {
        hint: noSandbox
          ? 'Check that this browser starts on its own, or set CNIREPORT_CHROME to another one.'
          : 'If it needs to run without its sandbox (some containers), ask for --no-sandbox; or set CNIREPORT_CHROME to another browser.',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Prints one document. Rejects with BROWSER_FAILED if the browser errs, quits or takes longer than the timeout. */
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.#closed) throw new CniError('BROWSER_FAILED', 'the PDF printer was already closed');
    if (!this.#browser.connected) throw quit(`before printing "${options.title}"`);
    const timeoutMs = options.timeoutMs ?? this.#printTimeoutMs;
    let used: BlankPage | undefined;
    // Checked between DevTools calls: once close() is called, the print stops at its next step.
    const going = () => {
      if (this.#closed)
        throw new CniError('BROWSER_FAILED', `the PDF printer was closed while printing "${options.title}"`);
    };
    const spare = this.#spare;
    this.#spare = undefined;
    const work = async () => {
      const blank = await (spare ?? this.#blankPage());
      used = blank;
      going();
      const pdf = await printPage(
        blank.page,
        withTitle(html, options.title),
        options.paper,
        timeoutMs,
        going,
      );
      return withDocumentInfo(pdf, options);
    };
    const printing = work();
    this.#printing.add(printing);
    try {
      return await withDeadline(
        printing,
        timeoutMs,
        `printing "${options.title}" to PDF took longer than ${seconds(timeoutMs)}`,
      );
    } catch (error) {
      if (!this.#browser.connected) throw quit(`while printing "${options.title}"`, error);
      if (error instanceof CniError) throw error;
      throw new CniError('BROWSER_FAILED', `printing "${options.title}" to PDF failed: ${firstLine(error)}`, {
        cause: error,
      });
    } finally {
      if (used !== undefined && this.#browser.connected) {
        await withDeadline(
          used.context === null ? used.page.close() : used.context.close(),
          CLOSE_TIMEOUT_MS,
          'closing the page timed out',
        ).catch(() => undefined);
      }
      this.#printing.delete(printing);
    }
  }

  /**
   * The tab the browser opened at start, for the first document: the profile is this run's own and nothing
   * has been loaded in it, so it is as isolated as a new context, without a new window's start-up. Closed
   * after that document's print; later documents get their own contexts.
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
        await withDeadline(context.close(), CLOSE_TIMEOUT_MS, 'closing the page timed out').catch(
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
    // A browser closed while a DevTools call is under way (say newPage) can leave that call unanswered for
    // good, with Puppeteer's timers keeping the process alive: prints stop at their next step first.
    await withDeadline(
      Promise.allSettled([...this.#printing, ...(this.#spare === undefined ? [] : [this.#spare])]),
      CLOSE_TIMEOUT_MS,
      'a print did not stop in time',
    ).catch(() => undefined);
    try {
      // Asked, not killed: the browser then deletes the shared-memory files it keeps under TMPDIR, which a
      // killed one leaves behind (and TMPDIR cannot move into the profile: its socket path would grow too
      // long for a Unix socket under a long TMPDIR).
      await withDeadline(this.#browser.close(), CLOSE_TIMEOUT_MS, 'closing the browser timed out');
    } catch {
      // A browser that does not close in time is killed with its helper processes (Puppeteer starts it
      // as the leader of its own process group); none of them may outlive the run.
      killProcessGroup(this.#browser.process());
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

/** The browser went away: crashed, killed, or ran out of memory; the only thing to tell is that it did. */
function quit(when: string, cause?: unknown): CniError {
  return new CniError('BROWSER_FAILED', `the browser quit ${when} (it crashed or was killed)`, {
    hint: 'Run again; if it keeps happening, check the browser on its own or set CNIREPORT_CHROME to another.',
    cause,
  });
}

function killProcessGroup(child: ChildProcess | null): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // No process groups (Windows), or the group is gone already.
    child.kill('SIGKILL');
  }
}

/**
 * A run's profile folder is named after its machine and process, `cnireport-chrome-<host>-<pid>-XXXXXX` (<host>:
 * 8 hex digits of a hash of the host name), so that the next run can tell a profile whose run is gone (killed
 * before it could delete it) from one a run still uses; a TMPDIR shared with other machines or containers holds
 * their profiles too, and those pids mean nothing here.
 */
function profilePrefix(pid: number): string {
  return `cnireport-chrome-${HOST}-${pid}-`;
}

const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const PROFILE_NAME = /^cnireport-chrome-([0-9a-f]{8})-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Deletes the profiles in `dir` of this machine whose run no longer exists. Never fails: a profile it cannot
 * read or delete stays for the next run or the system's temp cleaner.
 */
async function removeAbandonedProfiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const match = PROFILE_NAME.exec(name);
      const pid = Number(match?.[2] ?? Number.NaN);
      if (match?.[1] !== HOST || !Number.isSafeInteger(pid) || pid === process.pid || isProcessRunning(pid))
        return;
      await removeProfile(path.join(dir, name));
    }),
  );
}

/** A profile that cannot be deleted (a browser still dying inside it) is left to the system's temp cleaner. */
async function removeProfile(userDataDir: string): Promise<void> {
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function locateBrowser(): string {
  const context = currentBrowserSearchContext();
  const found = findBrowser(context);
  if (found === null) throw new CniError('BROWSER_NOT_FOUND', noBrowserNotice(context.platform));
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

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CniError('BROWSER_FAILED', message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
}
