import { describe, expect, it } from 'vitest';
import { type BrowserSearchContext, findBrowser } from '../../../src/pdf/find-browser.js';
import { noBrowser } from '../../../src/shared/error-catalogue.js';
import { CniError } from '../../../src/shared/errors.js';

/** A search context over an imaginary file system holding exactly `files`. */
function machine(
  platform: NodeJS.Platform,
  files: readonly string[],
  env: Record<string, string> = {},
  homeDir = platform === 'win32' ? 'C:\\Users\\jane' : platform === 'darwin' ? '/Users/jane' : '/home/jane',
): BrowserSearchContext {
  const separator = platform === 'win32' ? '\\' : '/';
  return {
    env,
    platform,
    homeDir,
    isFile: (file) => files.includes(file),
    listDir: (dir) => {
      const prefix = `${dir}${separator}`;
      const names = files
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split(separator)[0]);
      return [...new Set(names)].filter((name): name is string => name !== undefined);
    },
  };
}

describe('findBrowser', () => {
  it('prefers CNIREPORT_CHROME, then PUPPETEER_EXECUTABLE_PATH, over installed browsers', () => {
    const files = ['/opt/chrome/chrome', '/opt/other/chrome', '/usr/bin/chromium'];
    expect(
      findBrowser(
        machine('linux', files, {
          CNIREPORT_CHROME: '/opt/chrome/chrome',
          PUPPETEER_EXECUTABLE_PATH: '/opt/other/chrome',
        }),
      ),
    ).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CNIREPORT_CHROME' });
    expect(findBrowser(machine('linux', files, { PUPPETEER_EXECUTABLE_PATH: '/opt/other/chrome' }))).toEqual({
      executablePath: '/opt/other/chrome',
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
    expect(findBrowser(machine('linux', files, { CNIREPORT_CHROME: '  ' }))).toEqual({
      executablePath: '/usr/bin/chromium',
      source: 'installed browser',
    });
  });

  it.each(['CNIREPORT_CHROME', 'PUPPETEER_EXECUTABLE_PATH'])(
    'names %s when it points at a missing file',
    (name) => {
      const search = () => findBrowser(machine('linux', ['/usr/bin/chromium'], { [name]: '/nope/chrome' }));
      expect(search).toThrow(CniError);
      expect(search).toThrow(new RegExp(`${name} is set to /nope/chrome`));
      try {
        search();
      } catch (error) {
        expect((error as CniError).code).toBe('BROWSER_NOT_FOUND');
      }
    },
  );

  it.each([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ])('finds %s on Linux', (file) => {
    expect(findBrowser(machine('linux', [file]))).toEqual({
      executablePath: file,
      source: 'installed browser',
    });
  });

  it('takes Linux browsers in a fixed order', () => {
    const files = ['/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium'];
    expect(findBrowser(machine('linux', files))?.executablePath).toBe('/usr/bin/chromium');
  });

  it.each([
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Users/jane/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Users/jane/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Users/jane/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ])('finds %s on macOS', (file) => {
    expect(findBrowser(machine('darwin', [file]))?.executablePath).toBe(file);
  });

  const windowsEnv = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\jane\\AppData\\Local',
  };
  it.each([
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\jane\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\jane\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ])('finds %s on Windows', (file) => {
    expect(findBrowser(machine('win32', [file], windowsEnv))?.executablePath).toBe(file);
  });

  it('prefers Chrome to Edge on Windows', () => {
    const files = [
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\jane\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ];
    expect(findBrowser(machine('win32', files, windowsEnv))?.executablePath).toBe(files[1]);
  });

  it('falls back to the newest browser in the Puppeteer cache on Linux', () => {
    const cache = '/home/jane/.cache/puppeteer';
    const files = [
      `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/chrome/linux-99.0.4844.51/chrome-linux64/chrome`,
      `${cache}/chrome-headless-shell/linux-130.0.6723.58/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${cache}/chrome/mac-140.0.0.0/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
    ];
    expect(findBrowser(machine('linux', files))).toEqual({
      executablePath: files[0],
      source: 'Puppeteer browser cache',
    });
  });

  it('prefers the headless shell of the same version, and honours PUPPETEER_CACHE_DIR', () => {
    const cache = '/srv/browsers';
    const files = [
      `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell`,
    ];
    expect(findBrowser(machine('linux', files, { PUPPETEER_CACHE_DIR: cache }))?.executablePath).toBe(
      files[1],
    );
    expect(findBrowser(machine('linux', files))).toBeNull();
  });

  it('finds cached browsers on macOS and Windows', () => {
    const mac =
      '/Users/jane/.cache/puppeteer/chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(findBrowser(machine('darwin', [mac]))?.executablePath).toBe(mac);
    const win =
      'C:\\Users\\jane\\.cache\\puppeteer\\chrome-headless-shell\\win64-131.0.6778.85\\chrome-headless-shell-win64\\chrome-headless-shell.exe';
    expect(findBrowser(machine('win32', [win], windowsEnv))?.executablePath).toBe(win);
  });

  it('returns null when there is no browser anywhere', () => {
    expect(findBrowser(machine('linux', []))).toBeNull();
    expect(findBrowser(machine('darwin', []))).toBeNull();
    expect(findBrowser(machine('win32', [], windowsEnv))).toBeNull();
    expect(findBrowser(machine('win32', []))).toBeNull();
  });
});

describe('noBrowser', () => {
  it.each([
    ['linux', 'apt-get install chromium'],
    ['darwin', 'brew install --cask chromium'],
    ['win32', 'winget install Google.Chrome'],
  ] as const)('tells %s users how to get a browser, on one line', (platform, install) => {
    const notice = noBrowser(platform).message;
    expect(notice).toContain(install);
    expect(notice).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable');
    expect(notice).toContain('CNIREPORT_CHROME');
    expect(notice).not.toContain('\n');
  });
});
