import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'puppeteer-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfPrinter } from '../../../src/pdf/print-pdf.js';

const launch = vi.hoisted(() => vi.fn());
vi.mock('puppeteer-core', () => ({ default: { launch } }));

const fakeBrowser = { close: vi.fn(async () => undefined), process: () => null };

function launchOptions(): LaunchOptions {
  return launch.mock.calls.at(-1)?.[0] as LaunchOptions;
}

describe('PdfPrinter.launch', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    launch.mockReset();
  });

  it('keeps the sandbox on for a normal user and runs headless with a fresh profile', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    launch.mockResolvedValue(fakeBrowser);
    const printer = await PdfPrinter.launch({ executablePath: '/usr/bin/chromium' });
    const options = launchOptions();
    expect(options.executablePath).toBe('/usr/bin/chromium');
    expect(options.headless).toBe('shell');
    expect(options.args).not.toContain('--no-sandbox');
    expect(options.args).toEqual(
      expect.arrayContaining(['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run']),
    );
    const profile = options.userDataDir ?? '';
    expect(existsSync(profile)).toBe(true);
    await printer.close();
    await printer.close();
    expect(fakeBrowser.close).toHaveBeenCalledTimes(1);
    expect(existsSync(profile)).toBe(false);
  });

  it('turns the sandbox off as root, or when asked', async () => {
    launch.mockResolvedValue(fakeBrowser);
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    await (await PdfPrinter.launch({ executablePath: '/usr/bin/chromium' })).close();
    expect(launchOptions().args).toContain('--no-sandbox');
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    await (await PdfPrinter.launch({ executablePath: '/usr/bin/chromium', noSandbox: true })).close();
    expect(launchOptions().args).toContain('--no-sandbox');
  });

  it('passes the launch timeout on and reports a failed launch as BROWSER_FAILED, leaving no profile behind', async () => {
    launch.mockRejectedValue(
      new Error('Timed out after 1000 ms while waiting for the WS endpoint URL\nmore'),
    );
    await expect(
      PdfPrinter.launch({ executablePath: '/opt/chrome', launchTimeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'BROWSER_FAILED',
      message:
        'could not start the browser /opt/chrome: Timed out after 1000 ms while waiting for the WS endpoint URL',
    });
    expect(launchOptions().timeout).toBe(1000);
    expect(existsSync(launchOptions().userDataDir ?? '')).toBe(false);
  });

  it('refuses to print after close', async () => {
    launch.mockResolvedValue(fakeBrowser);
    const printer = await PdfPrinter.launch({ executablePath: '/usr/bin/chromium' });
    await printer.close();
    await expect(
      printer.print('<p>x</p>', { paper: 'A4', title: 'x', creator: 'cnireport test' }),
    ).rejects.toMatchObject({
      code: 'BROWSER_FAILED',
    });
  });
});
