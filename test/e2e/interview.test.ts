import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../src/io/parse-answers-text.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';
import { TmuxSession } from '../helpers/tmux-session.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'cnireport.js');
const dir = mkdtempSync(join(tmpdir(), 'cnireport-interview-e2e-'));
const hasTmux = prerequisite('tmux (the interview needs a terminal)', commandRuns('tmux', ['-V']));
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cnireport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
        stdout,
        stderr,
      });
    });
  });
}

/** `cnireport interview ...` in a fresh pseudo-terminal. */
function interview(...args: string[]): TmuxSession {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const session = new TmuxSession(`NO_COLOR=1 '${process.execPath}' '${bin}' interview ${quoted}`, dir);
  sessions.push(session);
  return session;
}

/** The prompt waiting for an answer: the last `? ` line after the last answered (`✔ `) one. */
function waitingPrompt(screen: string): string | undefined {
  const lines = screen.split('\n');
  const asked = lines.findLastIndex((l) => l.startsWith('? '));
  const answered = lines.findLastIndex((l) => l.startsWith('✔ '));
  return asked > answered ? lines[asked] : undefined;
}

const answeredCount = (screen: string) => screen.split('\n').filter((l) => l.startsWith('✔ ')).length;

/**
 * Waits for the question, then types: strings are typed as text, [keys] are tmux key names. Ending with
 * Enter, waits for the answer to be taken.
 */
async function answer(session: TmuxSession, question: string, ...input: (string | string[])[]) {
  const before = await session.waitFor(
    (s) => (waitingPrompt(s)?.includes(question) ? answeredCount(s) : undefined),
    `the question "${question}"`,
  );
  for (const part of input) {
    if (Array.isArray(part)) session.keys(...part);
    else session.type(part);
  }
  const last = input.at(-1);
  if (last !== TRY && Array.isArray(last) && last.at(-1) === 'Enter') {
    await session.waitFor((s) => answeredCount(s) > before, `an answer to "${question}"`);
  }
}

/** Presses Enter on every question until `question`, or until the command ends; returns its exit code. */
async function enterThroughout(session: TmuxSession, question?: string): Promise<number | undefined> {
  for (;;) {
    const next = await session.waitFor(
      (s) => (session.exitCode() !== undefined ? 'done' : waitingPrompt(s) ? answeredCount(s) : undefined),
      'a question or the end',
    );
    if (next === 'done') return session.exitCode() ?? -1;
    if (question !== undefined && waitingPrompt(session.screen())?.includes(question)) return undefined;
    session.keys('Enter');
    await session.waitFor(
      (s) => answeredCount(s) > next || session.exitCode() !== undefined,
      'the answer to be taken',
    );
  }
}

const ENTER = ['Enter'];
/** Enter on an answer expected to be refused: nothing to wait for. */
const TRY = ['Enter'];

describe.runIf(hasTmux)('cnireport interview in a terminal', () => {
  it('answers every question with keystrokes; the file validates, scores and generates', async () => {
    const t = interview('--output', 'tmux-bank.yaml');
    await answer(t, 'Client organisation', 'Tmux Bank', ENTER);
    await answer(t, 'Prepared by', 'Jane Roe', ENTER);
    await answer(t, 'Scenario name', 'As handed over', ENTER);
    await answer(t, 'Report date', '2026-02-30', TRY);
    await t.waitFor(
      (s) => s.includes('> invalid value (got "2026-02-30"; expected a calendar date that exists)'),
      'the date error',
    );
    await answer(t, 'Report date', ['C-u'], '2026-11-24', ENTER);
    await answer(t, 'Currency', ['Down', 'Enter']);
    // Empty: the ECB monthly average of the report month.
    await answer(t, 'exchange rate', ENTER);
    await answer(t, 'Years the cost comparison covers', '5', ENTER);
    await answer(t, 'Kubernetes clusters in scope', '4', ENTER);
    await answer(t, 'Worker nodes today', '240', ENTER);
    await answer(t, 'Average pods per worker node', ENTER);
    await answer(t, 'Kubernetes Services', '1200', ENTER);
    await answer(t, 'Yearly growth', '20', ENTER);
    // clouds: AWS is checked; on-prem is the seventh entry
    await answer(t, 'Where do the clusters run?', [
      'Down',
      'Down',
      'Down',
      'Down',
      'Down',
      'Down',
      'Space',
      'Enter',
    ]);
    await answer(t, 'CNI the clusters run today', ENTER);
    await answer(t, 'Who runs the clusters', ENTER);
    await answer(t, 'How kube-proxy programs Services', ENTER);
    await answer(t, 'Compliance frameworks', ['Space', 'Down', 'Down', 'Space', 'Enter']);
    await answer(t, 'Must pod-to-pod traffic be encrypted', ['Up', 'Up', 'Enter']);
    await answer(t, 'How long must network flow logs be kept?', '365', ENTER);
    await answer(t, 'in scope for PCI DSS and SOC 2 air-gapped', ENTER);
    await answer(t, 'Is FIPS 140 validated cryptography required?', ENTER);
    await answer(t, 'How experienced is the platform team', ENTER);
    await answer(t, 'Engineers who run the clusters', '3', ENTER);
    await answer(t, 'Experience debugging eBPF', ENTER);
    await answer(t, 'SLA-backed 24x7 vendor support', ['Up', 'Up', 'Enter']);
    await answer(t, 'Service mesh in use today', ['Down', 'Enter']);
    await answer(t, 'Pods running a sidecar proxy today', '2400', ENTER);
    await answer(t, 'CPU reserved per sidecar', '100', ENTER);
    await answer(t, 'Memory reserved per sidecar', '60', ENTER);
    await answer(t, 'Do workloads suffer from the latency', 'y', ENTER);
    for (const need of [
      'L3/L4 network policy',
      'L7 policy',
      'kube-proxy replacement',
      'Transparent encryption',
      'Cross-cluster networking',
      'Network observability',
      'Historical flow retention',
      'Service mesh',
    ])
      await answer(t, need, ENTER);
    await answer(t, 'Runtime security', ['Down', 'Down', 'Down', 'Enter']);
    await answer(t, 'L7 ingress and egress control', ENTER);
    await answer(t, 'Vendor support', ENTER);
    await answer(t, 'Weight of cost', ENTER);
    await answer(t, 'Weight of capability fit', '4', ENTER);
    await answer(t, 'Weight of risk', '4', ENTER);
    await answer(t, 'Weight of simplicity', '2', ENTER);
    await answer(t, 'Add stakeholders with priorities of their own', 'y', ENTER);
    await answer(t, 'Add a stakeholder?', ENTER);
    await answer(t, 'Stakeholder (a role or a name)', 'CFO', ENTER);
    await answer(t, 'CFO: weight of cost', '5', ENTER);
    await answer(t, 'CFO: weight of capability fit', ENTER);
    await answer(t, 'CFO: weight of risk', ENTER);
    await answer(t, 'CFO: weight of simplicity', '1', ENTER);
    await answer(t, 'Add another stakeholder?', ENTER);
    await answer(t, 'Override any of the cost defaults', 'y', ENTER);
    await enterThroughout(t, 'Isovalent Networking for Kubernetes subscription');
    await answer(t, 'Isovalent Networking for Kubernetes subscription per node per year', '1500', ENTER);
    expect(await enterThroughout(t)).toBe(0);

    const screen = t.screen();
    expect(screen).toContain('Section 4 of 8: Team');
    expect(screen).toMatch(/^Recommendation: .+ \(confidence \d+ %/m);
    expect(screen).toContain('wrote tmux-bank.yaml; next: cnireport generate tmux-bank.yaml');

    const parsed = parseAnswersText(readFileSync(join(dir, 'tmux-bank.yaml'), 'utf8'), 'tmux-bank.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.answers).toMatchObject({
      engagement: {
        client: 'Tmux Bank',
        preparedBy: 'Jane Roe',
        scenario: 'As handed over',
        date: '2026-11-24',
        currency: 'EUR',
        horizonYears: 5,
      },
      cluster: { clusters: 4, nodes: 240, services: 1200, clouds: ['aws', 'on-prem'] },
      compliance: {
        frameworks: ['pci-dss', 'soc2'],
        encryptionInTransit: 'required',
        flowLogRetentionDays: 365,
      },
      team: { platformEngineers: 3, vendorSupport: 'required' },
      mesh: {
        current: 'istio',
        sidecars: 2400,
        sidecarCpuMillicores: 100,
        sidecarMemoryMiB: 60,
        latencySensitive: true,
      },
      needs: { runtimeSecurity: 'nice' },
      priorities: { cost: 3, capability: 4, risk: 4, simplicity: 2 },
      assumptions: { isovalentPricePerNodeYear: 1500 },
      stakeholders: [{ name: 'CFO', priorities: { cost: 5, capability: 3, risk: 3, simplicity: 1 } }],
    });
    expect(Object.keys(parsed.answers.needs)).toEqual(['runtimeSecurity']);

    expect(await cnireport('validate', 'tmux-bank.yaml')).toEqual({
      code: 0,
      stdout: 'tmux-bank.yaml: ok\n',
      stderr: '',
    });
    const scored = await cnireport('score', 'tmux-bank.yaml', '--json');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout).engagement.client).toBe('Tmux Bank');
    const generated = await cnireport('generate', 'tmux-bank.yaml', '--format', 'json,md');
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out', 'tmux-bank', 'result.json'), 'utf8'));
    expect(result.engagement.client).toBe('Tmux Bank');
    expect(existsSync(join(dir, 'out', 'tmux-bank', 'report.md'))).toBe(true);
  }, 30_000);

  it('--from an example, Enter throughout, writes the same answers', async () => {
    const example = join(root, 'examples', 'scaleup-sidecar-cost.yaml');
    const t = interview('--from', example, '--output', 'scaleup.yaml');
    expect(await enterThroughout(t)).toBe(0);
    const expected = parseAnswersText(readFileSync(example, 'utf8'), 'example');
    const written = parseAnswersText(readFileSync(join(dir, 'scaleup.yaml'), 'utf8'), 'written');
    expect(written.ok && expected.ok && written.answers).toEqual(expected.ok && expected.answers);
  }, 20_000);

  it('Ctrl+C leaves a draft and exits 130; --from the draft picks up', async () => {
    const t = interview('--output', 'stopped.yaml');
    await answer(t, 'Client organisation', 'Stopped Ltd', ENTER);
    await answer(t, 'Prepared by', ['C-c']);
    await t.waitFor((s) => s.includes('[exit'), 'the end');
    expect(t.exitCode()).toBe(130);
    expect(t.screen()).toContain(
      'interview stopped (Ctrl+C); the answers so far are in stopped.draft.yaml\n' +
        'hint: pick up with: cnireport interview --from stopped.draft.yaml --output stopped.yaml',
    );
    expect(existsSync(join(dir, 'stopped.yaml'))).toBe(false);

    const resumed = interview('--from', 'stopped.draft.yaml', '--output', 'stopped.yaml');
    expect(await enterThroughout(resumed)).toBe(0);
    expect(readFileSync(join(dir, 'stopped.yaml'), 'utf8')).toMatch(/^ {2}client: Stopped Ltd$/m);
    // The draft it picked up from is not left behind once the answers are written.
    expect(existsSync(join(dir, 'stopped.draft.yaml'))).toBe(false);
  }, 20_000);

  it('a closed terminal leaves a draft', async () => {
    const t = interview('--output', 'closed.yaml');
    await answer(t, 'Client organisation', 'Closed Terminal plc', ENTER);
    await answer(t, 'Prepared by', 'Someone');
    t.kill();
    const draft = join(dir, 'closed.draft.yaml');
    const deadline = Date.now() + 5_000;
    while (!existsSync(draft) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(draft, 'utf8')).toMatch(/^ {2}client: Closed Terminal plc$/m);
  });
});
