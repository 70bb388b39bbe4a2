import type { Answers } from '../schema/answers.js';
import { MESH_NAMES } from '../schema/display-names.js';
import { joinAnd, lowerFirst } from '../shared/format.js';
import { capabilityName, type Lexicon } from './lexicon.js';

/** What staying as today is, as the engine finds it. */
export interface BaselineFacts {
  /** Today's CNI, or each group's, as the client's provider names it. */
  readonly today: readonly TodayName[];
  readonly mesh: Answers['mesh']['current'];
  /** Some path keeps what runs today; false when the clusters run a CNI no option keeps (or none). */
  readonly kept: boolean;
  /** The option staying is costed like, when no path keeps what runs today. */
  readonly costedLike: { readonly name: string; readonly short: string };
  readonly unmetMusts: readonly string[];
  /** Why today's CNI is no path to stay on (data/current-stacks), if it is abandoned. */
  readonly abandonedNote: string | null;
}

/** What runs today in one place: its group (null for an estate run alike), its CNI and the name it goes by. */
export interface TodayName {
  readonly group: string | null;
  readonly cni: Answers['cluster']['currentCni'];
  readonly name: string;
}

/** What runs today, as the report names it: "GKE Dataplane V2", or each group's ("AWS VPC CNI on EKS and Canal on RKE2"). */
export function runsTodayText(today: readonly TodayName[]): string {
  if (today.length === 1) return today[0]?.name ?? '';
  return joinAnd(today.map((t) => `${t.name} on ${t.group}`));
}

/** "Flannel and Istio kept as they are, nothing added; it misses encryption in transit, a must". */
export function baselineText(b: BaselineFacts, lex: Lexicon): string {
  const names = `${runsTodayText(b.today)}${b.mesh === 'none' ? '' : ` and ${MESH_NAMES[b.mesh]}`}`;
  if (!b.kept) {
    if (b.today.every((t) => t.cni === 'none')) {
      return `no network today; compared with the leanest new install (${b.costedLike.name}, nothing added)`;
    }
    const abandoned =
      b.abandonedNote === null
        ? ''
        : `; not a path to stay on (${b.abandonedNote.trim().replace(/\.$/, '')})`;
    return `today's ${names} kept as they are, costed like ${b.costedLike.short} with nothing added${abandoned}`;
  }
  const unmet = b.unmetMusts.map((id) => lowerFirst(capabilityName(lex, id)));
  const meets =
    unmet.length === 0
      ? 'it meets every must'
      : `it misses ${joinAnd(unmet)}, ${unmet.length === 1 ? 'a must' : unmet.length === 2 ? 'both musts' : 'all musts'}`;
  const several = b.mesh !== 'none' || b.today.length > 1;
  return `${names} kept as ${several ? 'they are' : 'it is'}, nothing added; ${meets}`;
}

/** What no option's total includes, and why leaving it out does not bias the comparison. */
export const NOT_COSTED: readonly string[] = [
  'Flow-log storage: every option that keeps flows needs it, sized by the client’s retention.',
  'Monitoring (Prometheus, Grafana, node-exporter): every option needs it and the client runs it already.',
  'Control-plane pods (mesh control planes, operators, Hubble Relay): small next to per-node costs.',
  'Network data transfer: unchanged by the choice of CNI.',
];
