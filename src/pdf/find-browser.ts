import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { browserVariableNoFile } from '../shared/error-catalogue.js';

/** Where a browser executable was found, for messages and `--verbose` output. */
export type BrowserSource =
  | 'CNIREPORT_CHROME'
  | 'PUPPETEER_EXECUTABLE_PATH'
  | 'installed browser'
  | 'Puppeteer browser cache';

export interface BrowserLocation {
  readonly executablePath: string;
  readonly source: BrowserSource;
}

/** What `findBrowser` may look at; injected so every platform's rules can be tested on any machine. */
export interface BrowserSearchContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homeDir: string;
  /** True if `file` is an existing regular file. */
  readonly isFile: (file: string) => boolean;
  /** Names in `dir`, or an empty list if it does not exist. */
  readonly listDir: (dir: string) => readonly string[];
}

/** The variables that name a browser executable, in the order they are honoured. */
const ENV_VARIABLES = ['CNIREPORT_CHROME', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/**
 * Finds a Chrome, Chromium or Edge to print with: the variables first (a variable naming a missing
 * file is an error, not a reason to fall back silently), then the usual install locations, then the
 * newest browser in Puppeteer's download cache. Null if there is none.
 */
export function findBrowser(context: BrowserSearchContext): BrowserLocation | null {
  for (const variable of ENV_VARIABLES) {
    const value = context.env[variable]?.trim();
    if (!value) continue;
    if (!context.isFile(value)) throw browserVariableNoFile(variable, value);
    return { executablePath: value, source: variable };
  }
  const installed = installedBrowserPaths(context).find((candidate) => context.isFile(candidate));
  if (installed !== undefined) return { executablePath: installed, source: 'installed browser' };
  const cached = newestCachedBrowser(context);
  return cached === null ? null : { executablePath: cached, source: 'Puppeteer browser cache' };
}

/** The search context of this process and machine. */
export function currentBrowserSearchContext(): BrowserSearchContext {
  return {
    env: process.env,
    platform: process.platform,
    homeDir: homedir(),
    isFile: (file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true,
    listDir: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

function installedBrowserPaths({ env, platform, homeDir }: BrowserSearchContext): string[] {
  if (platform === 'darwin') {
    const bundles = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return ['/Applications', path.posix.join(homeDir, 'Applications')].flatMap((root) =>
      bundles.map((bundle) => path.posix.join(root, bundle)),
    );
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    const executables = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return executables.flatMap((executable) => roots.map((root) => path.win32.join(root, executable)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

/** Puppeteer's cache holds `<browser>/<platform>-<version>/<archive folder>/<executable>`. */
function newestCachedBrowser(context: BrowserSearchContext): string | null {
  const { env, platform, homeDir, listDir, isFile } = context;
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const cacheDir = env.PUPPETEER_CACHE_DIR?.trim() || join(homeDir, '.cache', 'puppeteer');
  const candidates: { executable: string; version: number[]; shell: boolean }[] = [];
  for (const shell of [true, false]) {
    const browserDir = join(cacheDir, shell ? 'chrome-headless-shell' : 'chrome');
    for (const build of listDir(browserDir)) {
      const match = /^(linux|mac|mac_arm|win32|win64)-([\d.]+)$/.exec(build);
      if (match?.[1] === undefined || match[2] === undefined || !buildFitsPlatform(match[1], platform))
        continue;
      for (const archive of listDir(join(browserDir, build))) {
        const executable = join(browserDir, build, archive, cachedExecutable(platform, shell));
        if (isFile(executable))
          candidates.push({ executable, version: match[2].split('.').map(Number), shell });
      }
    }
  }
  candidates.sort((a, b) => compareVersions(b.version, a.version) || Number(b.shell) - Number(a.shell));
  return candidates[0]?.executable ?? null;
}

function buildFitsPlatform(build: string, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin') return build === 'mac' || build === 'mac_arm';
  if (platform === 'win32') return build === 'win32' || build === 'win64';
  return build === 'linux';
}

function cachedExecutable(platform: NodeJS.Platform, shell: boolean): string {
  if (shell) return platform === 'win32' ? 'chrome-headless-shell.exe' : 'chrome-headless-shell';
  if (platform === 'darwin') {
    return 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
  }
  return platform === 'win32' ? 'chrome.exe' : 'chrome';
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
