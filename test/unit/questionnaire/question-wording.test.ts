import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { keyPath } from '../../../src/questionnaire/answer-keys.js';
import type { AnswersDraft } from '../../../src/questionnaire/answers-draft.js';
import { askContext } from '../../../src/questionnaire/ask-context.js';
import { questionHelp, resolveText } from '../../../src/questionnaire/question-help.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { unitFor } from '../../../src/shared/format.js';

const dataset = defaultDataset();
const situations: AnswersDraft[] = [
  {},
  { engagement: { client: 'Acme', currency: 'EUR' }, mesh: { current: 'istio', sidecars: 10 } },
  {
    cluster: { kubeProxyMode: 'none', currentCni: 'cilium' },
    compliance: { frameworks: ['fedramp', 'pci-dss'] },
  },
];

describe('the questions as the room reads them', () => {
  it.each(situations.map((s, i) => [i, s] as const))(
    'speak to the client, not to whoever edits data/ (situation %i)',
    (_, answers) => {
      const ctx = askContext(answers, dataset);
      for (const question of QUESTIONNAIRE.flatMap((s) => s.questions)) {
        const words = [
          resolveText(question.message, ctx),
          resolveText(question.unit, ctx) ?? '',
          questionHelp(question, ctx),
        ].join(' ');
        expect(words, keyPath(question)).not.toMatch(
          /data\/|SOURCE_DATE_EPOCH|\((sourced|estimate|derived)\)|\b1 \w+s per/,
        );
        expect(words, keyPath(question)).not.toMatch(/\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/);
      }
      for (const section of QUESTIONNAIRE) expect(section.gate?.message ?? '').not.toContain('data/');
    },
  );

  it('says a default of one in the singular', () => {
    expect(unitFor(1, 'days per engineer')).toBe('day per engineer');
    expect(unitFor(2, 'days per engineer')).toBe('days per engineer');
    expect(unitFor(1, 'engineer-hours per cluster')).toBe('engineer-hour per cluster');
    expect(unitFor(1, 'EUR per node-year')).toBe('EUR per node-year');
  });

  it('asks the per-Service kube-proxy figure without kube-proxy today as what an option would bring back', () => {
    const question = QUESTIONNAIRE.flatMap((s) => s.questions).find(
      (q) => keyPath(q) === 'assumptions.kubeProxyCpuMillicoresPer1000Services',
    );
    if (question === undefined) throw new Error('no kube-proxy question');
    const none = resolveText(question.message, askContext({ cluster: { kubeProxyMode: 'none' } }, dataset));
    const iptables = resolveText(
      question.message,
      askContext({ cluster: { kubeProxyMode: 'iptables' } }, dataset),
    );
    expect(none).toMatch(/should an option bring kube-proxy back$/);
    expect(iptables).toMatch(/scaled for IPVS and nftables/);
  });
});
