import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { registerInterview } from '../../../src/cli/commands/interview.js';
import { run } from '../../../src/cli/main.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { CniError } from '../../../src/shared/errors.js';
import { CTRL_C, Replies, type Reply, scriptedPrompter } from '../../helpers/scripted-prompter.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-interview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo() {
  const io = { out: '', err: '' };
  const cliIo: CliIo = {
    out: (t) => {
      io.out += t;
    },
    err: (t) => {
      io.err += t;
    },
    outColor: false,
    errColor: false,
  };
  return { io, cliIo };
}

/** `cnireport interview ...args` on a scripted terminal; resolves to the output and what was thrown. */
async function interview(script: Record<string, Reply | Replies>, ...args: string[]) {
  const { io, cliIo } = captureIo();
  const prompter = scriptedPrompter(script);
  let closed = 0;
  const program = new Command('cnireport').exitOverride();
  registerInterview(program, cliIo, {
    interactive: () => true,
    open: () => ({
      prompter,
      close: () => {
        closed++;
      },
    }),
  });
  const error = await program
    .parseAsync(['node', 'cnireport', 'interview', ...args])
    .then(() => undefined)
    .catch((e: unknown) => e);
  return { ...io, error, prompter, closed };
}

const file = (name: string) => join(dir, name);

describe('cnireport interview', () => {
  it('refuses without a terminal, in one line naming the alternatives (exit 1)', async () => {
    const { cliIo, io } = captureIo();
    const code = await run(['node', 'cnireport', 'interview'], cliIo);
    expect(code).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toBe(
      'error: interview needs an interactive terminal (stdin and stdout a TTY, CI unset); instead run ' +
        'cnireport init answers.yaml, edit the file, then cnireport validate answers.yaml\n',
    );
  });

  it('refuses when the terminal says it is not interactive', async () => {
    const program = new Command('cnireport').exitOverride();
    const { cliIo } = captureIo();
    registerInterview(program, cliIo, {
      interactive: () => false,
      open: () => {
        throw new Error('must not open');
      },
    });
    const error = await program.parseAsync(['node', 'cnireport', 'interview']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CniError);
    expect((error as CniError).code).toBe('NO_TERMINAL');
  });

  it('ends with a summary, the recommendation and a commented file that validates', async () => {
    const output = file('acme.yaml');
    const { out, error, closed } = await interview(
      { 'engagement.client': 'Acme Bank', 'compliance.frameworks': ['pci-dss'], 'mesh.current': 'istio' },
      '--output',
      output,
    );
    expect(error).toBeUndefined();
    expect(closed).toBe(1);
    expect(out).toMatch(/^cnireport interview: writes .*acme\.yaml\. Enter accepts/);
    expect(out).toContain('\nSummary\nEngagement        client Acme Bank,');
    expect(out).toMatch(/\nRecommendation: .+ \(confidence \d+ %, /);
    expect(out).toMatch(/\n {2}- /);
    expect(out.endsWith(`wrote ${output}; next: cnireport generate ${output}\n`)).toBe(true);
    const text = readFileSync(output, 'utf8');
    // The modeline names the schema interview writes next to the file, which moves with it.
    expect(text).toMatch(/^# yaml-language-server: \$schema=answers\.schema\.json\n/);
    expect(JSON.parse(readFileSync(join(dirname(output), 'answers.schema.json'), 'utf8')).$id).toBe(
      'urn:cnireport:answers:v1',
    );
    const parsed = parseAnswersText(text, output);
    expect(parsed.ok && parsed.answers.compliance.frameworks).toEqual(['pci-dss']);
  });

  it('never replaces a file without asking: no asks for another name', async () => {
    const output = file('taken.yaml');
    writeFileSync(output, 'mine\n');
    writeFileSync(file('taken-2.yaml'), 'mine too\n');
    const { prompter, out } = await interview({ 'engagement.client': 'Acme', output: false }, '-o', output);
    expect(readFileSync(output, 'utf8')).toBe('mine\n');
    expect(prompter.requests.get('output')).toMatchObject({ default: file('taken-3.yaml') });
    expect(out).toContain(`wrote ${file('taken-3.yaml')}`);
    expect(parseAnswersText(readFileSync(file('taken-3.yaml'), 'utf8'), 'x').ok).toBe(true);
  });

  it('replaces the file when the answer is yes', async () => {
    const output = file('replace.yaml');
    writeFileSync(output, 'mine\n');
    const { prompter } = await interview({ 'engagement.client': 'Acme', output: true }, '-o', output);
    expect(prompter.requests.get('output')).toMatchObject({
      message: `${output} exists. Replace it?`,
      default: false,
    });
    expect(readFileSync(output, 'utf8')).toMatch(/client: Acme/);
  });

  it('--from x -o x edits the file: every key and comment it does not change stays, stakeholders included', async () => {
    const output = file('rheinland.yaml');
    const original = [
      '# Rheinland Versicherung AG, after the first workshop',
      'version: 1',
      'engagement:',
      '  client: Rheinland Versicherung AG',
      '  currency: EUR',
      'cluster:',
      '  clusters: 9',
      '  nodes: 240',
      '  currentCni: aws-vpc-cni   # EKS; the 3 on-prem RKE2 clusters run Canal',
      'mesh:',
      '  current: none',
      '  sidecarCpuMillicores: 120   # measured, kept for when the mesh comes back',
      'priorities: {cost: 4, capability: 3, risk: 3, simplicity: 3}',
      '',
      '# From the kick-off',
      'stakeholders:',
      '  - name: CFO',
      '    priorities: {cost: 5, capability: 2, risk: 3, simplicity: 3}',
      '  - name: CISO',
      '    priorities: {cost: 2, capability: 4, risk: 5, simplicity: 2}',
      '',
    ].join('\n');
    writeFileSync(output, original);
    // Enter everywhere: nothing changes, so the file is written back as it was.
    const same = await interview({ output: true }, '--from', output, '-o', output);
    expect(same.error).toBeUndefined();
    expect(same.prompter.requests.get('stakeholders')).toMatchObject({
      message: 'Stakeholders: CFO and CISO. Change them?',
    });
    expect(readFileSync(output, 'utf8')).toBe(original);

    // One answer changed and one stakeholder re-weighted: those two lines change, nothing else.
    const changed = await interview(
      {
        'cluster.nodes': '260',
        stakeholders: true,
        'stakeholders.priorities.risk': new Replies('5', '4'),
        'stakeholders.add': false,
        output: true,
      },
      '--from',
      output,
      '-o',
      output,
    );
    expect(changed.error).toBeUndefined();
    const text = readFileSync(output, 'utf8');
    expect(text.split('\n').filter((line, i) => line !== original.split('\n')[i])).toEqual([
      '  nodes: 260',
      '    priorities: {cost: 5, capability: 2, risk: 5, simplicity: 3}',
      '    priorities: {cost: 2, capability: 4, risk: 4, simplicity: 2}',
    ]);
    for (const comment of [
      '# Rheinland',
      '# EKS; the 3 on-prem',
      '# measured, kept',
      '# From the kick-off',
    ]) {
      expect(text).toContain(comment);
    }
    const parsed = parseAnswersText(text, output);
    expect(parsed.ok && parsed.answers.stakeholders?.map((s) => s.name)).toEqual(['CFO', 'CISO']);
    expect(parsed.ok && parsed.answers.mesh.sidecarCpuMillicores).toBe(120);
  });

  it('Ctrl+C keeps a draft, says where (exit 130), and --from picks up from it', async () => {
    const output = file('bank.yaml');
    const draftFile = file('bank.draft.yaml');
    const stopped = await interview(
      { 'engagement.client': 'Northwind Bank', 'cluster.nodes': '720', 'team.maturity': CTRL_C },
      '-o',
      output,
    );
    expect(stopped.error).toBeInstanceOf(CniError);
    const error = stopped.error as CniError;
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe(`interview stopped (Ctrl+C); the answers so far are in ${draftFile}`);
    expect(error.hint).toBe(`pick up with: cnireport interview --from ${draftFile} --output ${output}`);
    expect(stopped.closed).toBe(1);
    expect(existsSync(output)).toBe(false);
    const draft = readFileSync(draftFile, 'utf8');
    const lines = draft.split('\n').slice(2);
    const note = lines
      .slice(0, lines.indexOf('#'))
      .map((line) => line.replace(/^# /, ''))
      .join(' ');
    // The draft's own header names the file to write, as the hint on the terminal does.
    expect(note).toBe(
      `Draft of a cnireport interview stopped in Team. Pick up with: cnireport interview --from ${draftFile} --output ${output}`,
    );

    const resumed = await interview({}, '--from', draftFile, '-o', output);
    expect(resumed.error).toBeUndefined();
    expect(resumed.out).toContain(`The answers in ${draftFile} are the defaults.`);
    // It picks up where it stopped: the sections before keep their answers without asking again.
    expect(resumed.out).toContain('Picking up at Team, where the draft stopped');
    expect(resumed.prompter.asked).not.toContain('engagement.client');
    expect(resumed.prompter.asked[0]).toBe('team.maturity');
    expect(existsSync(draftFile)).toBe(false);
    const parsed = parseAnswersText(readFileSync(output, 'utf8'), output);
    expect(parsed.ok && [parsed.answers.engagement.client, parsed.answers.cluster.nodes]).toEqual([
      'Northwind Bank',
      720,
    ]);
  });

  it('a closed terminal keeps a draft too (exit 129), as does SIGTERM (143)', async () => {
    for (const [reason, code] of [
      ['SIGHUP', 129],
      ['SIGTERM', 143],
    ] as const) {
      const output = file(`closed-${code}.yaml`);
      const program = new Command('cnireport').exitOverride();
      const { cliIo } = captureIo();
      const prompter = scriptedPrompter({ 'engagement.client': 'Acme' });
      registerInterview(program, cliIo, {
        interactive: () => true,
        open: () => ({
          prompter: {
            ...prompter,
            select: () =>
              Promise.reject(
                Object.assign(new Error('aborted'), { name: 'AbortPromptError', cause: reason }),
              ),
          },
          close: () => undefined,
        }),
      });
      const error = await program
        .parseAsync(['node', 'c', 'interview', '-o', output])
        .catch((e: unknown) => e);
      expect((error as CniError).exitCode).toBe(code);
      expect(readFileSync(file(`closed-${code}.draft.yaml`), 'utf8')).toMatch(/client: Acme/);
    }
  });

  it('a failing prompt (a bug) still keeps the draft, then the error goes on to main', async () => {
    const output = file('bug.yaml');
    const program = new Command('cnireport').exitOverride();
    const { cliIo, io } = captureIo();
    const prompter = scriptedPrompter({ 'engagement.client': 'Acme' });
    const bug = new TypeError('boom');
    registerInterview(program, cliIo, {
      interactive: () => true,
      open: () => ({ prompter: { ...prompter, confirm: () => Promise.reject(bug) }, close: () => undefined }),
    });
    const error = await program.parseAsync(['node', 'c', 'interview', '-o', output]).catch((e: unknown) => e);
    expect(error).toBe(bug);
    expect(io.err).toBe(`the answers so far are in ${file('bug.draft.yaml')}\n`);
    expect(readFileSync(file('bug.draft.yaml'), 'utf8')).toMatch(/client: Acme/);
  });

  it('--from an invalid or incomplete file keeps what is valid and lists the rest', async () => {
    const from = file('half.yaml');
    writeFileSync(from, 'version: 1\ncluster:\n  nodes: 50\n  podsPerNode: lots\n');
    const output = file('half-done.yaml');
    const { out, prompter, error } = await interview(
      { 'engagement.client': 'Acme' },
      '--from',
      from,
      '-o',
      output,
    );
    expect(error).toBeUndefined();
    expect(out).toContain(
      `${from} has answers that are not valid; their questions start from the default:\n`,
    );
    expect(out).toContain(`  ${from}:4:16  cluster.podsPerNode: must be a number (got "lots"`);
    expect(out).toContain(`  ${from}:1:1  engagement: required`);
    expect(prompter.requests.get('cluster.nodes')).toMatchObject({ default: '50' });
    expect(prompter.requests.get('cluster.podsPerNode')).toMatchObject({ default: '30' });
  });

  it('--from a file that is not YAML at all is refused before any question', async () => {
    const from = file('broken.yaml');
    writeFileSync(from, 'version: 1\nengagement: [\n');
    const { error, prompter } = await interview({}, '--from', from, '-o', file('never.yaml'));
    expect((error as CniError).code).toBe('INPUT_INVALID');
    expect((error as CniError).message).toMatch(new RegExp(`^${from}: 1 problem\\n${from}:`));
    expect(prompter.asked).toEqual([]);
  });

  it('--from a missing file says so', async () => {
    const { error } = await interview({}, '--from', file('nope.yaml'));
    expect((error as CniError).message).toBe(`${file('nope.yaml')}: no such file`);
  });

  it('a validation message reaches the prompt for a wrong answer', async () => {
    const output = file('retry.yaml');
    const { prompter } = await interview(
      { 'engagement.client': 'Acme', 'cluster.clusters': new Replies('0', '2') },
      '-o',
      output,
    );
    expect(prompter.errors.get('cluster.clusters')).toEqual(['out of range (got 0; expected 1 to 10000)']);
  });
});
