import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Dialog, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { checkAnswer } from '../../src/questionnaire/check-answer.js';
import { buildWorkshopPage, startWorkshop, type WorkshopProcess } from '../helpers/workshop-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cnireport-workshop-page-'));
let workshop: WorkshopProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  buildWorkshopPage();
  writeFileSync(join(folder, 'bakery.yaml'), readFileSync(join(root, 'examples', 'small-team-basic.yaml')));
  workshop = await startWorkshop(folder, 'bakery.yaml');
  // The test needs a real browser: one missing is a failure, never a skip.
  const found = findBrowser(currentBrowserSearchContext());
  if (found === null)
    throw new Error('no Chrome or Chromium for the workshop page test (set CNIREPORT_CHROME)');
  browser = await puppeteer.launch({
    executablePath: found.executablePath,
    headless: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});
afterAll(async () => {
  await browser?.close();
  await workshop?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const text = (selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

/** Waits until the recommendation or confidence differs from what it was. */
async function afterChange(before: {
  name: string;
  confidence: string;
}): Promise<{ name: string; confidence: string }> {
  await page.waitForFunction(
    (name, confidence) =>
      document.querySelector('[data-testid="recommendation"]')?.textContent !== name ||
      document.querySelector('[data-testid="confidence"]')?.textContent !== confidence,
    { timeout: 15_000 },
    before.name,
    before.confidence,
  );
  return current();
}

async function current(): Promise<{ name: string; confidence: string }> {
  return {
    name: await text('[data-testid="recommendation"]'),
    confidence: await text('[data-testid="confidence"]'),
  };
}

/** Waits for the rescoring with the report's draws once the answers settle. */
async function settled(): Promise<{ name: string; confidence: string }> {
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="draws"]')?.textContent?.includes('while answers change'),
    { timeout: 15_000 },
  );
  return current();
}

async function replaceText(name: string, value: string): Promise<void> {
  await page.click(`[name="${name}"]`, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type(`[name="${name}"]`, value);
}

describe('cnireport workshop: the page in Chromium', () => {
  it('opens at the printed URL and shows the recommendation of the file', async () => {
    await page.goto(workshop.url);
    expect(new URL(page.url()).search).toBe('');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="recommendation"]')?.textContent !== '…',
    );
    expect(await settled()).toEqual({ name: 'Flannel (with add-ons)', confidence: '100 %' });
    expect(await page.title()).toBe('Brightloaf Bakery Online — CNI decision workshop');
    // Every input is named after its key in the answers file.
    const names = await page.$$eval('input[name], select[name], textarea[name]', (els) =>
      els.map((e) => e.getAttribute('name')),
    );
    expect(names).toEqual(
      expect.arrayContaining(['cluster.nodes', 'needs.flowRetention', 'priorities.cost']),
    );
    expect(await page.$eval('[name="cluster.nodes"]', (e) => (e as HTMLInputElement).value)).toBe('12');
  });

  it('never sends its session cookie to another server on 127.0.0.1 (security review L3)', async () => {
    // Cookies ignore ports: another user's or program's server on this host gets a cookie of path `/` on any
    // visit. The run's path is random, so that server never sees a request under it.
    // The browser holds the session (the first test opened the page).
    expect((await browser.cookies()).map((c) => c.name)).toContainEqual(
      expect.stringMatching(/^cnireport-workshop-/),
    );
    const cookies: string[] = [];
    const other = createServer((request, response) => {
      cookies.push(`${request.url}: ${request.headers.cookie ?? ''}`);
      response.end('other server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const address = other.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const visit = await browser.newPage();
      for (const path of ['/', '/api/state', '/page.js', '/out/x/report.html']) {
        await visit.goto(`http://127.0.0.1:${port}${path}`);
      }
      await visit.close();
      expect(cookies.length).toBeGreaterThanOrEqual(4);
      for (const seen of cookies) expect(seen).not.toMatch(/cnireport-workshop/);
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('refuses wrong input inline with the message validate gives, and keeps what was typed', async () => {
    await replaceText('cluster.nodes', '12 nodes');
    const message = checkAnswer({ section: 'cluster', key: 'nodes' }, '12 nodes', {});
    await page.waitForFunction(
      (m) => document.querySelector('[data-field="cluster.nodes"] .error')?.textContent === m,
      { timeout: 15_000 },
      message,
    );
    expect(await page.$eval('[name="cluster.nodes"]', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.$eval('[data-testid="stale"]', (e) => (e as HTMLElement).hidden)).toBe(false);
  });

  it('offers typed answers back after a reload, and again after another', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid="restore-draft"]', { visible: true });
    await settled();
    await page.reload();
    await page.waitForSelector('[data-testid="restore-draft"]', { visible: true });
    await page.click('[data-testid="restore-draft"]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[name="cluster.nodes"]') as HTMLInputElement | null)?.value === '12 nodes',
    );
  });

  it('changes nodes, needs and priorities, and the recommendation and confidence answer back', async () => {
    await replaceText('cluster.nodes', '1,200');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="stale"]')?.hasAttribute('hidden'),
      {
        timeout: 15_000,
      },
    );
    const start = await settled();
    expect(start.name).toBe('Flannel (with add-ons)');

    await page.select('[name="needs.observability"]', 'must');
    const withNeed = await afterChange(start);
    expect(withNeed.name).not.toBe(start.name);
    const needSettled = await settled();

    // Keyboard only: cost from 5 down to 1, half a point per key (cost is what weighs against Cilium OSS here).
    await page.focus('[name="priorities.cost"]');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await afterChange(needSettled);
    const prioritySettled = await settled();
    expect(prioritySettled.confidence).not.toBe(needSettled.confidence);
    // Each slider says where the recommendation would flip (the engine's exact stability interval), and
    // marks the point on its scale.
    const sentences = await page.$$eval('[data-field^="priorities."] .flip-sentence', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(sentences).toHaveLength(4);
    for (const sentence of sentences) {
      expect(sentence).toMatch(
        /^(.+ would be recommended if the (cost|capability fit|risk|simplicity) priority (fell to [\d.]+ or less|rose to [\d.]+ or more) \(now [\d.]+\)|.+ stays recommended whatever the (cost|capability fit|risk|simplicity) priority, from 0 to 5)\.$/,
      );
    }
    const flips = await page.$$eval('[data-field^="priorities."] .flip', (els) =>
      els.map((e) => !(e as HTMLElement).hidden),
    );
    expect(flips).toEqual(sentences.map((s) => s.includes('would be recommended')));
    expect(flips).toContain(true);
  });

  it('saves into the file it opened without asking (the server knows the version shown), keeping its comments, valid for cnireport validate', async () => {
    const original = readFileSync(join(folder, 'bakery.yaml'), 'utf8');
    const dialogs: string[] = [];
    const onDialog = (d: Dialog) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    await page.click('[data-testid="save"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status"]')?.textContent === 'Saved bakery.yaml.',
    );
    page.off('dialog', onDialog);
    expect(dialogs).toEqual([]);
    const saved = readFileSync(join(folder, 'bakery.yaml'), 'utf8');
    // The file's own comments stay; only the answers changed on the page are edited.
    for (const line of original.split('\n').filter((l) => l.startsWith('#'))) expect(saved).toContain(line);
    expect(saved).toContain('  nodes: 1200\n');
    expect(saved).toContain('  observability: must\n');
    expect(saved).toContain('  cost: 1\n');
    const validated = execFileSync(
      process.execPath,
      [join(root, 'bin', 'cnireport.js'), 'validate', 'bakery.yaml'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    expect(validated).toBe('bakery.yaml: ok\n');
    expect(existsSync(join(folder, 'bakery.draft.yaml'))).toBe(false);
  });

  it('generates the report into the usual folder and links it', async () => {
    await page.click('[data-testid="generate"]');
    await page.waitForSelector('[data-testid="report-link"]', { timeout: 120_000 });
    const links = await page.$$eval('[data-testid="report-link"]', (els) =>
      els.map((e) => [e.textContent, e.getAttribute('href')]),
    );
    expect(links).toContainEqual(['report.html', 'out/brightloaf-bakery-online/report.html']);
    const report = join(folder, 'out', 'brightloaf-bakery-online', 'report.html');
    expect(readFileSync(report, 'utf8')).toContain('Flannel');
    const opened = await browser.newPage();
    const response = await opened.goto(new URL('out/brightloaf-bakery-online/report.html', page.url()).href);
    expect(response?.status()).toBe(200);
    expect(await opened.title()).toContain('Brightloaf Bakery Online');
    await opened.close();
  }, 150_000);

  it('has a presentation view without the consultant notes', async () => {
    expect(await page.$eval('.consultant', (e) => getComputedStyle(e).display)).not.toBe('none');
    await page.click('[data-testid="view-toggle"]');
    expect(await page.$eval('.consultant', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.$eval('[data-testid="recommendation"]', (e) => getComputedStyle(e).display)).not.toBe(
      'none',
    );
  });

  it.each([
    [1366, 768],
    [1920, 1080],
  ])(
    'shows the room the recommendation, confidence, cost and score above the fold at %i×%i, in Inter',
    async (width, height) => {
      await page.setViewport({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const seen = await page.evaluate(async () => {
        await document.fonts.ready;
        const interLoaded = () => {
          let loaded = false;
          document.fonts.forEach((f) => {
            if (f.family.replaceAll('"', '') === 'Inter' && f.status === 'loaded') loaded = true;
          });
          return loaded;
        };
        const box = (id: string) => {
          const e = document.querySelector(`[data-testid="${id}"]`);
          const r = e?.getBoundingClientRect();
          return {
            text: e?.textContent ?? '',
            bottom: r?.bottom ?? Number.POSITIVE_INFINITY,
            px: Number.parseFloat(e === null ? '0' : getComputedStyle(e).fontSize),
          };
        };
        return {
          present: document.documentElement.classList.contains('present'),
          figures: ['recommendation', 'confidence', 'key-tco', 'key-score', 'tco', 'scores'].map(box),
          form: getComputedStyle(document.querySelector('form.questions') as Element).display,
          inter: interLoaded(),
          // biome-ignore lint/performance/useDomNodeTextContent: what the room sees, without what CSS hides.
          words: document.body.innerText,
        };
      });
      expect(seen.present).toBe(true);
      for (const figure of seen.figures) expect(figure.bottom, figure.text).toBeLessThanOrEqual(height);
      const [name, confidence, tco, score] = seen.figures;
      expect(tco?.text).toMatch(/^\$[\d,]+$/);
      expect(score?.text).toMatch(/^0\.\d\d$/);
      // Large enough to read from the back of a meeting room (the consultant view's are 25 and 18 px).
      for (const figure of [name, confidence, tco, score]) expect(figure?.px).toBeGreaterThanOrEqual(32);
      expect(seen.inter).toBe(true);
      expect(seen.words).not.toMatch(/Monte Carlo|draws/i);
      // The answers are one click away.
      expect(seen.form).toBe('none');
      await page.click('[data-testid="form-toggle"]');
      expect(await page.$eval('form.questions', (e) => getComputedStyle(e).display)).not.toBe('none');
      expect(
        await page.$eval('[data-testid="recommendation"]', (e) => e.getBoundingClientRect().bottom),
      ).toBeLessThanOrEqual(height);
      await page.click('[data-testid="form-toggle"]');
    },
  );
});

describe('cnireport workshop: an estate of groups on the page', () => {
  const estateFolder = mkdtempSync(join(tmpdir(), 'cnireport-workshop-estate-'));
  let estate: WorkshopProcess;
  let tab: Page;
  beforeAll(async () => {
    writeFileSync(
      join(estateFolder, 'insurer.yaml'),
      readFileSync(join(root, 'examples', 'eks-plus-onprem.yaml')),
    );
    estate = await startWorkshop(estateFolder, 'insurer.yaml');
    tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await tab?.close();
    await estate?.stop();
    rmSync(estateFolder, { recursive: true, force: true });
  });

  it('shows one card per group and the recommendation the report gives, not one of a default estate', async () => {
    await tab.goto(estate.url);
    await tab.waitForFunction(
      () =>
        !document.querySelector('[data-testid="draws"]')?.textContent?.includes('while answers change') &&
        document.querySelector('[data-testid="recommendation"]')?.textContent !== '…',
      { timeout: 15_000 },
    );
    const report = JSON.parse(
      execFileSync(process.execPath, [join(root, 'bin', 'cnireport.js'), 'score', '--json', 'insurer.yaml'], {
        cwd: estateFolder,
        encoding: 'utf8',
      }),
    ) as { recommendation: { name: string } };
    expect(await tab.$eval('[data-testid="recommendation"]', (e) => e.textContent)).toBe(
      report.recommendation.name,
    );
    const cards = await tab.$$eval('[data-testid="groups"] .group', (els) =>
      els.map((e) => (e.querySelector('[data-key="name"]') as HTMLInputElement).value),
    );
    expect(cards).toEqual(['EKS in eu-central-1', 'RKE2 on premises']);
    // The counts follow from the groups: they are not asked beside them.
    expect(await tab.$eval('[data-field="cluster.nodes"]', (e) => (e as HTMLElement).hidden)).toBe(true);
  });

  it('saves a changed group into the file as a block list, valid for cnireport validate', async () => {
    const nodes = '[data-testid="groups"] .group:nth-child(2) [data-key="nodes"]';
    await tab.click(nodes, { clickCount: 3 });
    await tab.keyboard.press('Backspace');
    await tab.type(nodes, '150');
    await tab.waitForFunction(
      () => !document.querySelector('[data-testid="draws"]')?.textContent?.includes('while answers change'),
      { timeout: 15_000 },
    );
    await tab.click('[data-testid="save"]');
    await tab.waitForFunction(
      () => document.querySelector('[data-testid="status"]')?.textContent === 'Saved insurer.yaml.',
    );
    const saved = readFileSync(join(estateFolder, 'insurer.yaml'), 'utf8');
    expect(saved).toContain('    - name: RKE2 on premises\n');
    expect(saved).toContain('      nodes: 150\n');
    expect(saved).not.toContain('nodes: 120');
    const validated = execFileSync(
      process.execPath,
      [join(root, 'bin', 'cnireport.js'), 'validate', 'insurer.yaml'],
      {
        cwd: estateFolder,
        encoding: 'utf8',
      },
    );
    expect(validated).toBe('insurer.yaml: ok\n');
  });
});
