import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserArgs, launchCommandLine } from '../../../src/pdf/browser-args.js';
import { asksForPdf, startEarlyBrowser } from '../../../src/pdf/early-browser.js';

describe('launchCommandLine', () => {
  it.each([false, true])(
    'is the command line Puppeteer launches the printing browser with (no sandbox: %s)',
    (noSandbox) => {
      const profile = '/tmp/cnireport-chrome-test';
      const puppeteers = [
        ...puppeteer.defaultArgs({ headless: 'shell', args: browserArgs(noSandbox), userDataDir: profile }),
        '--remote-debugging-pipe',
      ];
      expect(launchCommandLine(noSandbox, profile)).toEqual(puppeteers);
    },
  );
});

describe('asksForPdf', () => {
  it.each([
    [['generate', 'a.yaml'], true],
    [['generate', 'a.yaml', 'b.yaml', '--out', 'x'], true],
    [['generate', 'a.yaml', '--format', 'html,pdf'], true],
    [['generate', 'a.yaml', '--format=PDF'], true],
    [['generate', 'a.yaml', '--format', 'html,md'], false],
    [['generate', 'a.yaml', '--format=json'], false],
    [['generate', '--help'], false],
    [['generate', 'a.yaml', '-h'], false],
    [['score', 'a.yaml'], false],
    [['compare', 'a.yaml', 'b.yaml', '--out', 'x'], false],
    [[], false],
  ])('%j → %s', (args, expected) => {
    expect(asksForPdf(args)).toBe(expected);
  });
});

describe('startEarlyBrowser', () => {
  it('starts nothing when CNIREPORT_CHROME names no browser: the printer says so later', () => {
    const before = process.env.CNIREPORT_CHROME;
    process.env.CNIREPORT_CHROME = '/nonexistent';
    try {
      expect(startEarlyBrowser([process.execPath, 'cnireport', 'generate', 'acme.yaml'])).toBeNull();
    } finally {
      if (before === undefined) delete process.env.CNIREPORT_CHROME;
      else process.env.CNIREPORT_CHROME = before;
    }
  });

  it('starts nothing for a run that prints no PDF', () => {
    expect(
      startEarlyBrowser([process.execPath, 'cnireport', 'generate', 'a.yaml', '--format', 'html']),
    ).toBeNull();
  });
});
