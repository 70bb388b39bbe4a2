/** Chrome switches for a quiet, offline, single-purpose printing browser (Puppeteer adds its own defaults). */
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
  // Chromium 156 still asks accounts.google.com, clients2.google.com and update.googleapis.com on every start
  // whatever the switches above say. Every host name resolves to "not found": nothing is looked up or reached
  // (a report only needs data: URLs; the protocol runs over pipes).
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
];

/** The switches of `BROWSER_ARGS`, with --no-sandbox first where the sandbox is off. */
export function browserArgs(noSandbox: boolean): string[] {
  return noSandbox ? ['--no-sandbox', ...BROWSER_ARGS] : [...BROWSER_ARGS];
}

/** Features Puppeteer 24 switches off and on for every browser it launches, before the caller's own. */
const PUPPETEER_DISABLED_FEATURES = [
  'Translate',
  'AcceptCHFrame',
  'MediaRouter',
  'OptimizationHints',
  'WebUIReloadButton',
  'ProcessPerSiteUpToMainFrameThreshold',
  'IsolateSandboxedIframes',
];

/**
 * The whole command line Puppeteer's `launch({ headless: 'shell', pipe: true, args: browserArgs(noSandbox),
 * userDataDir })` gives the browser, for starting it before Puppeteer is loaded (`startEarlyBrowser`): the
 * browser then runs exactly as a launched one does. A test compares it with Puppeteer's own, so an upgrade that
 * changes Puppeteer's defaults is caught.
 */
export function launchCommandLine(noSandbox: boolean, userDataDir: string): string[] {
  const own = browserArgs(noSandbox);
  const disabled = own.filter((arg) => arg.startsWith('--disable-features='));
  const rest = own.filter((arg) => !arg.startsWith('--disable-features='));
  const features = disabled.flatMap((arg) => arg.slice('--disable-features='.length).split(','));
  return [
    '--allow-pre-commit-input',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-crash-reporter',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-infobars',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--enable-automation',
    '--export-tagged-pdf',
    '--force-color-profile=srgb',
    '--generate-pdf-document-outline',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    `--disable-features=${[...PUPPETEER_DISABLED_FEATURES, ...features].join(',')}`,
    '--enable-features=PdfOopif',
    `--user-data-dir=${userDataDir}`,
    '--headless',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    ...rest,
    '--remote-debugging-pipe',
  ];
}
