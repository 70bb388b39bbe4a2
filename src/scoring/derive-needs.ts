import type { Answers, Importance } from '../schema/answers.js';
import { CAPABILITY_IDS, type CapabilityId, type Condition, type NeedsRule } from '../schema/dataset.js';
import { statedNeedText, UNASKED_NEED_TEXT } from '../words/need-text.js';

const RANK: Record<Importance, number> = { no: 0, nice: 1, should: 2, must: 3 };

/** Where a capability's importance came from, so the report can say why it matters. */
export type NeedOrigin = 'answer' | 'rule' | 'default';

export interface Need {
  readonly capability: CapabilityId;
  readonly importance: Importance;
  readonly origin: NeedOrigin;
  /** The sentences behind the importance: the answer, or the `because` of each rule that set it. */
  readonly reasons: readonly string[];
  /** Traces: `answer:needs.x` or `rule:<id>`. */
  readonly basis: readonly string[];
  /** A must set only by rules that advise it (`soft`), not by the client's answer or a stated requirement. */
  readonly soft: boolean;
}

/**
 * Figures rules may test beyond the answers themselves, under `derived.`: a node's kube-proxy programs only its
 * own cluster's Services, so Service scale is per cluster, and it weighs only where kube-proxy runs in iptables mode.
 */
function derivedFacts(answers: Answers) {
  const servicesPerCluster = answers.cluster.services / answers.cluster.clusters;
  return {
    servicesPerCluster,
    servicesPerClusterOnIptables: answers.cluster.kubeProxyMode === 'iptables' ? servicesPerCluster : 0,
  };
}

function valueAt(answers: Answers, path: string): unknown {
  const root = { ...answers, derived: derivedFacts(answers) };
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' && Object.hasOwn(v, k)
          ? (v as Record<string, unknown>)[k]
          : undefined,
      root,
    );
}

/** Whether a declarative rule condition holds for these answers. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if (condition === 'always') return true;
  const v = valueAt(answers, condition.path);
  if ('includesAny' in condition) return Array.isArray(v) && condition.includesAny.some((x) => v.includes(x));
  if ('equals' in condition) return v === condition.equals;
  if ('in' in condition) return typeof v === 'string' && condition.in.includes(v);
  if ('atLeast' in condition) return typeof v === 'number' && v >= condition.atLeast;
  return Array.isArray(v) && v.length >= condition.lengthAtLeast;
}

/** Importance of every capability: explicit `needs` first, else the highest level any matching rule sets. */
export function deriveNeeds(answers: Answers, rules: readonly NeedsRule[]): Record<CapabilityId, Need> {
  const fired = rules.filter((r) => conditionHolds(r.when, answers));
  const explicit = answers.needs as Partial<Record<CapabilityId, Importance>>;
  const entries = CAPABILITY_IDS.map((capability): [CapabilityId, Need] => {
    const stated = explicit[capability];
    if (stated !== undefined) {
      return [
        capability,
        {
          capability,
          importance: stated,
          origin: 'answer',
          reasons: [statedNeedText(stated)],
          basis: [`answer:needs.${capability}`],
          soft: false,
        },
      ];
    }
    const proposals = fired.flatMap((r) => {
      const level = r.set[capability];
      return level === undefined ? [] : [{ rule: r, level }];
    });
    const top = proposals.reduce<Importance>((m, p) => (RANK[p.level] > RANK[m] ? p.level : m), 'no');
    const behind = proposals.filter((p) => p.level === top);
    if (behind.length === 0) {
      return [
        capability,
        {
          capability,
          importance: 'no',
          origin: 'default',
          reasons: [UNASKED_NEED_TEXT],
          basis: [],
          soft: false,
        },
      ];
    }
    return [
      capability,
      {
        capability,
        importance: top,
        origin: 'rule',
        reasons: behind.map((p) => p.rule.because),
        basis: behind.map((p) => `rule:${p.rule.id}`),
        soft: top === 'must' && behind.every((p) => p.rule.soft),
      },
    ];
  });
  return Object.fromEntries(entries) as Record<CapabilityId, Need>;
}

/** must and should needs are the ones an option has to invest to meet. */
export function isRequired(importance: Importance): boolean {
  return importance === 'must' || importance === 'should';
}
