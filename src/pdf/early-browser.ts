import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { Socket } from 'node:net';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { launchCommandLine } from './browser-args.js';
import { profilePrefix, removeProfile, removeProfileNow } from './browser-profile.js';
import { currentBrowserSearchContext, findBrowser } from './find-browser.js';

/** A browser started with Puppeteer's command line and a DevTools pipe, not yet connected to. */
export interface StartedBrowser {
  readonly executablePath: string;
  readonly noSandbox: boolean;
  readonly userDataDir: string;
  /** Its file descriptors 3 (to the browser) and 4 (from it) are the DevTools pipe. */
  readonly child: ChildProcess;
}

export interface EarlyBrowser {
  /**
   * The browser, for the printer that connects to it; from then on closing it and deleting its profile are
   * the taker's. Null when it was taken already or has quit (the taker then launches one of its own).
   */
  take(): StartedBrowser | null;
  /** Unless it was taken: kills the browser, waits for it to go, and deletes its profile. */
  close(): Promise<void>;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a killed browser may take to go before its profile is deleted anyway. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Starts the browser at once when `argv` (the process's) asks `generate` for a PDF: its start-up, about as long
 * as Node's loading, scoring and charts, then runs alongside them instead of after Puppeteer has loaded. Null
 * when no PDF is asked for, or no browser is found or can be started here (the printer's own launch then says
 * why). Until it is taken, the browser is this module's: killed, and its profile deleted, when the process exits
 * or a stop signal arrives that nothing else handles.
 */
export function startEarlyBrowser(argv: readonly string[]): EarlyBrowser | null {
  if (!asksForPdf(argv.slice(2))) return null;
  let found: ReturnType<typeof findBrowser>;
  try {
    found = findBrowser(currentBrowserSearchContext());
  } catch {
    // CNIREPORT_CHROME names no browser: the printer's launch says so.
    return null;
  }
  if (found === null) return null;
  const noSandbox = process.getuid?.() === 0;
  let userDataDir: string;
  try {
    userDataDir = mkdtempSync(path.join(tmpdir(), profilePrefix(process.pid)));
  } catch {
    return null;
  }
  let child: ChildProcess;
  try {
    child = spawn(found.executablePath, launchCommandLine(noSandbox, userDataDir), {
      // Its own process group, as Puppeteer starts it: the group is killed with it.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
  } catch {
    removeProfileNow(userDataDir);
    return null;
  }
  // A browser that cannot run (say ENOENT) is reported by the printer's own launch.
  child.on('error', () => undefined);
  const pipes = [child.stdio[3], child.stdio[4]] as Socket[];
  // Nobody waits on it yet: a run that ends without printing must not be kept alive by it.
  child.unref();
  for (const pipe of pipes) pipe.unref();

  let taken = false;
  const release = () => {
    process.off('exit', dispose);
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
  /** The last resort, when the process exits without `close()`: nothing asynchronous runs any more. */
  function dispose() {
    if (taken) return;
    taken = true;
    release();
    killGroup(child);
    removeProfileNow(userDataDir);
  }
  /** Kills the browser, and deletes its profile once the browser has gone (a dying one may still write there). */
  async function close() {
    if (taken) return;
    taken = true;
    release();
    const gone = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    // Waited for: the process stays alive until the browser has gone or the wait is over.
    child.ref();
    killGroup(child);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    await removeProfile(userDataDir);
  }
  function onSignal(signal: NodeJS.Signals) {
    // Once generate runs, it handles stop signals itself (closing the browser it took, or leaving this one to
    // be closed when it returns); before that, stop as the default would, with the browser and its profile gone.
    if (process.listenerCount(signal) > 1) return;
    void close().finally(() => process.exit(128 + constants.signals[signal]));
  }
  process.on('exit', dispose);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  return {
    take() {
      if (taken) return null;
      if (child.exitCode !== null || child.signalCode !== null) {
        dispose();
        return null;
      }
      taken = true;
      release();
      child.ref();
      for (const pipe of pipes) pipe.ref();
      return { executablePath: found.executablePath, noSandbox, userDataDir, child };
    },
    close,
  };
}

/**
 * Whether these arguments (after the program's) ask `generate` or `render` for a PDF: the command, no help, and no
 * --format, or one that names pdf. A guess made before the arguments are parsed; a wrong one costs only a
 * browser started for nothing and killed at exit.
 */
export function asksForPdf(args: readonly string[]): boolean {
  if ((args[0] !== 'generate' && args[0] !== 'render') || args.includes('--help') || args.includes('-h'))
    return false;
  let formats: string | undefined;
  for (const [i, arg] of args.entries()) {
    if (arg === '--') break;
    if (arg === '--format') formats = args[i + 1] ?? '';
    else if (arg.startsWith('--format=')) formats = arg.slice('--format='.length);
  }
  return formats === undefined || formats.split(',').some((name) => name.trim().toLowerCase() === 'pdf');
}

/** The browser and its helpers (its process group), at once. */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // No process groups (Windows), or the group is gone already.
    child.kill('SIGKILL');
  }
}
