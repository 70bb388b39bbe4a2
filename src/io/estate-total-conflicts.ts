import { type Answers, CNI_CLOUDS, keysDecidedByGroups } from '../schema/answers.js';

/** A total of the estate written beside its groups that does not match them: which key, and what it should be. */
export interface EstateTotalConflict {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? same([...a].sort(), [...b].sort()) : same(a, b);

/**
 * With `cluster.groups` the estate's totals follow from the groups; a total written as well must agree with them,
 * or one of the two is a mistake the report would silently take sides on.
 */
export function estateTotalConflicts(raw: unknown, answers: Answers): EstateTotalConflict[] {
  const cluster = (raw as { cluster?: Record<string, unknown> } | null)?.cluster;
  if (typeof cluster !== 'object' || cluster === null) return [];
  if (answers.cluster.groups === undefined) return impossibleCni(cluster, answers);
  const derived = answers.cluster as unknown as Record<string, unknown>;
  return keysDecidedByGroups(answers.cluster.groups).flatMap((key) => {
    if (!(key in cluster) || sameSet(cluster[key], derived[key])) return [];
    const want = Array.isArray(derived[key])
      ? `[${(derived[key] as unknown[]).join(', ')}]`
      : String(derived[key]);
    return [
      {
        path: ['cluster', key],
        message: `does not match cluster.groups (expected ${want}, ${key === 'currentCni' ? 'the largest group’s' : 'from the groups'}; or leave it out: the groups decide)`,
      },
    ];
  });
}

/**
 * An estate described as one group whose written clouds leave its CNI nowhere to run (the Amazon VPC CNI on
 * premises only). Only written clouds count: a format v1 file that left them to the default stays valid.
 */
function impossibleCni(cluster: Record<string, unknown>, answers: Answers): EstateTotalConflict[] {
  const { clouds, currentCni } = answers.cluster;
  const home = CNI_CLOUDS[currentCni];
  if (!('clouds' in cluster) || home === undefined || clouds.some((c) => home.includes(c))) return [];
  return [
    {
      path: ['cluster', 'currentCni'],
      message: `${currentCni} cannot run on ${clouds.join(' or ')} (expected clusters on ${home.join(' or ')}; for an estate that mixes them, describe it as cluster.groups)`,
    },
  ];
}
