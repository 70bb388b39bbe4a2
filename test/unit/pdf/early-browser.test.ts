import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { browserArgs, launchCommandLine } from '../../../src/pdf/browser-args.js';
import { asksForPdf } from '../../../src/pdf/early-browser.js';

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
