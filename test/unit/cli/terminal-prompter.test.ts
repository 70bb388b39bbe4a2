import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { type PromptContext, terminalPrompter } from '../../../src/cli/terminal-prompter.js';
import type {
  CheckboxRequest,
  ConfirmRequest,
  SelectRequest,
  TextRequest,
} from '../../../src/questionnaire/prompter.js';

function fakeIo() {
  const io: CliIo & { text: string } = {
    text: '',
    out: (t) => {
      io.text += t;
    },
    err: () => undefined,
    outColor: false,
    errColor: false,
  };
  return io;
}

/** Lets the prompt run its (asynchronous) validation and render. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One method of the prompter as an inquirer prompt, so @inquirer/testing can drive it. */
function asPrompt<R, A>(io: CliIo, ask: (p: ReturnType<typeof terminalPrompter>, r: R) => Promise<A>) {
  return (request: R, context?: PromptContext) =>
    Object.assign(ask(terminalPrompter(io, context), request), { cancel: () => undefined });
}

describe('terminalPrompter', () => {
  it('section: "Section n of m: title" and the description', () => {
    const io = fakeIo();
    terminalPrompter(io).section({ number: 3, of: 8, title: 'Compliance', description: 'Audit needs.' });
    expect(io.text).toBe('\nSection 3 of 8: Compliance\n  Audit needs.\n');
  });

  it('text: help above, default shown, a validation message inline until the answer is valid', async () => {
    const io = fakeIo();
    const request: TextRequest = {
      id: 'cluster.nodes',
      message: 'Worker nodes (1 to 1,000,000 nodes)',
      help: 'Total worker nodes across all clusters.',
      default: '10',
      validate: (text) => (/^\d+$/.test(text) ? true : `must be a number (got "${text}")`),
    };
    const { answer, events, getScreen } = await render(
      asPrompt(io, (p, r: TextRequest) => p.text(r)),
      request,
    );
    expect(io.text).toBe('  Total worker nodes across all clusters.\n');
    expect(getScreen()).toBe('? Worker nodes (1 to 1,000,000 nodes) (10)');
    events.type('ten');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toContain('> must be a number (got "ten")');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('240');
    events.keypress('enter');
    await expect(answer).resolves.toBe('240');
  });

  it('text: Enter accepts the default', async () => {
    const request: TextRequest = { id: 'x', message: 'Client', default: 'Acme', validate: () => true };
    const { answer, events } = await render(
      asPrompt(fakeIo(), (p, r: TextRequest) => p.text(r)),
      request,
    );
    events.keypress('enter');
    await expect(answer).resolves.toBe('Acme');
  });

  it('select: starts on the default, arrows move, Enter picks', async () => {
    const request: SelectRequest = {
      id: 'needs.encryption',
      message: 'Transparent pod-to-pod encryption',
      choices: [
        { value: 'derived', name: 'must (as the answers imply)', description: 'PCI-DSS requires it.' },
        { value: 'must', name: 'must' },
        { value: 'should', name: 'should' },
      ],
      default: 'must',
    };
    const { answer, events, getScreen } = await render(
      asPrompt(fakeIo(), (p, r: SelectRequest) => p.select(r)),
      request,
    );
    expect(getScreen()).toContain('❯ must\n');
    events.keypress('up');
    expect(getScreen()).toContain('PCI-DSS requires it.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('derived');
  });

  it('checkbox: pre-checked values, and the validation message when the choice is not allowed', async () => {
    const request: CheckboxRequest = {
      id: 'cluster.clouds',
      message: 'Where do the clusters run?',
      choices: [
        { value: 'aws', name: 'AWS', checked: true },
        { value: 'gcp', name: 'Google Cloud', checked: false },
      ],
      validate: (values) =>
        values.length > 0 ? true : 'too few entries (got 0 entries; expected 1 to 8 entries)',
    };
    const { answer, events, getScreen } = await render(
      asPrompt(fakeIo(), (p, r: CheckboxRequest) => p.checkbox(r)),
      request,
    );
    events.keypress('space');
    events.keypress('enter');
    await settle();
    expect(getScreen()).toContain('too few entries (got 0 entries; expected 1 to 8 entries)');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['gcp']);
  });

  it('confirm: the default in the hint, y/n answers', async () => {
    const request: ConfirmRequest = { id: 'compliance.fips', message: 'FIPS 140?', default: true };
    const { answer, events, getScreen } = await render(
      asPrompt(fakeIo(), (p, r: ConfirmRequest) => p.confirm(r)),
      request,
    );
    expect(getScreen()).toBe('? FIPS 140? (Y/n)');
    events.type('n');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
  });

  it('an aborted signal stops the prompt with AbortPromptError and its reason', async () => {
    const controller = new AbortController();
    controller.abort('SIGHUP');
    const request: TextRequest = { id: 'x', message: 'Client', validate: () => true };
    const promise = terminalPrompter(fakeIo(), { signal: controller.signal }).text(request);
    await expect(promise).rejects.toMatchObject({ name: 'AbortPromptError', cause: 'SIGHUP' });
  });

  it('Ctrl+C stops the prompt with ExitPromptError', async () => {
    const request: TextRequest = { id: 'x', message: 'Client', validate: () => true };
    const { answer, events } = await render(
      asPrompt(fakeIo(), (p, r: TextRequest) => p.text(r)),
      request,
    );
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
