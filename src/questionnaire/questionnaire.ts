import type { Importance, NeedKey } from '../schema/answers.js';
import { NEED_KEYS, VENDOR_NAMES } from '../schema/answers.js';
import {
  ASSUMPTION_KEYS,
  type AssumptionKey,
  assumptionDescriptions,
  type CostKey,
} from '../schema/assumption-keys.js';
import { CRITERIA, criterionInText } from '../schema/criteria.js';
import {
  CLOUD_NAMES,
  CNI_NAMES,
  FRAMEWORK_NAMES,
  MESH_NAMES,
  PLATFORM_NAMES,
} from '../schema/display-names.js';
import { unitFor } from '../shared/format.js';
import type { KeyOf, SectionKey } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';

/** What a question may depend on: the answers settled before it, and what the data makes of them. */
export interface AskContext {
  /** Answers given so far in this interview, to earlier questions only. */
  readonly answers: AnswersDraft;
  /** The importance the needs rules derive from those answers, and why. */
  readonly derivedNeeds: Partial<Record<NeedKey, { importance: Importance; reasons: readonly string[] }>>;
  /** The data/ default of each cost key for those answers (engagement currency, mesh in use). */
  readonly costDefaults: Partial<Record<CostKey, { value: number; unit: string; kind: string }>>;
  /**
   * Each need as data/capabilities.yaml names it and says why it matters: the question names a need as the
   * report's tables, charts and deck do.
   */
  readonly needWords: NeedWords;
}

/** A need's name and why it matters, from the data set's capabilities. */
export type NeedWords = Readonly<Record<NeedKey, { readonly name: string; readonly why: string }>>;

type Dynamic<T> = T | ((ctx: AskContext) => T);

export interface Question {
  readonly section: SectionKey;
  readonly key: string;
  /** The question as asked in the room: short, in the client's words. */
  readonly message: Dynamic<string>;
  /** Unit of a number, shown with its range. */
  readonly unit?: Dynamic<string | undefined>;
  /** Asked only when this holds; otherwise the key is left out of the file (its default applies). */
  readonly when?: (ctx: AskContext) => boolean;
  /**
   * Help shown in place of the schema's description of the key, where that description speaks to whoever
   * edits the file rather than to the room.
   */
  readonly help?: Dynamic<string>;
  /** Help beyond the schema's description of the key, e.g. what the chosen frameworks imply. */
  readonly note?: (ctx: AskContext) => string | undefined;
  /** The default offered when the file being resumed has no answer, in place of the schema's default. */
  readonly suggest?: (ctx: AskContext) => unknown;
  /** Names shown for allowed values, where the value itself is an abbreviation. */
  readonly labels?: Readonly<Record<string, string>>;
  /** A weight asked as a position on its scale: a slider on the web page; the terminal asks for the number. */
  readonly scale?: boolean;
}

export interface Section {
  readonly key: SectionKey;
  readonly title: string;
  /** Asked first; no leaves every key of the section out (their defaults apply). */
  readonly gate?: { readonly message: string; readonly help: string };
  readonly questions: readonly Question[];
}

function ask<S extends SectionKey>(
  section: S,
  key: KeyOf<S>,
  spec: Omit<Question, 'section' | 'key'>,
): Question {
  return { section, key, ...spec };
}

const frameworksOf = (ctx: AskContext) => ctx.answers.compliance?.frameworks ?? [];
const frameworkList = (ctx: AskContext) => joinNames(frameworksOf(ctx).map((f) => FRAMEWORK_NAMES[f]));
/** FedRAMP at the High impact level, the default where the level is not answered yet. */
const highFedramp = (ctx: AskContext) =>
  frameworksOf(ctx).includes('fedramp') && (ctx.answers.compliance?.fedrampImpact ?? 'high') === 'high';
const meshInUse = (ctx: AskContext) => (ctx.answers.mesh?.current ?? 'none') !== 'none';

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** How the report describes where a default comes from, by the kind data/ gives it. */
const DEFAULT_ORIGIN: Readonly<Record<string, string>> = {
  sourced: 'from a published source the report cites',
  derived: 'worked out from published figures the report cites',
  estimate: 'an estimate the report explains',
  placeholder: 'a placeholder until there is a quote',
};

/** `Empty keeps the default: 100 millicores per sidecar (an estimate …)`, for a key the client may leave open. */
function modelDefault(ctx: AskContext, key: CostKey): string | undefined {
  const d = ctx.costDefaults[key];
  if (d === undefined) return undefined;
  const value = Number.isInteger(d.value) ? d.value : Number(d.value.toPrecision(4));
  const origin = DEFAULT_ORIGIN[d.kind];
  return `Empty keeps the default: ${value.toLocaleString('en-US')} ${unitFor(value, d.unit)}${origin === undefined ? '' : ` (${origin})`}.`;
}

const KUBE_PROXY_PER_SERVICE: AssumptionKey = 'kubeProxyCpuMillicoresPer1000Services';

function assumption(key: AssumptionKey): Question {
  return ask('assumptions', key, {
    message:
      key === KUBE_PROXY_PER_SERVICE
        ? // Asked also without kube-proxy today: an option without kube-proxy replacement brings it back.
          (ctx) =>
            ctx.answers.cluster?.kubeProxyMode === 'none'
              ? 'Extra kube-proxy CPU per node for every 1000 Services, in iptables mode, should an option bring kube-proxy back'
              : 'Extra kube-proxy CPU per node for every 1000 Services, in iptables mode (scaled for IPVS and nftables)'
        : assumptionDescriptions[key].replace(/\.$/, ''),
    unit: (ctx) => ctx.costDefaults[key]?.unit,
    note: (ctx) => modelDefault(ctx, key),
  });
}

function need(key: NeedKey): Question {
  return ask('needs', key, {
    message: (ctx) => ctx.needWords[key].name,
    help: (ctx) =>
      `${ctx.needWords[key].why} Must rules out an option that cannot provide it; should adds what it takes; nice counts a little; no does not count. Left open, it takes the level the other answers imply.`,
  });
}

/**
 * The interview: sections in the order of the answers file, and in each the question for every key of the
 * schema. Kinds of prompt, ranges, allowed values, defaults and descriptions come from the schema itself;
 * this adds the wording, the order and when a question applies.
 */
export const QUESTIONNAIRE: readonly Section[] = [
  {
    key: 'engagement',
    title: 'Engagement',
    questions: [
      ask('engagement', 'client', { message: 'Client organisation' }),
      ask('engagement', 'preparedBy', { message: 'Prepared by (person, firm)' }),
      ask('engagement', 'scenario', {
        message: 'Scenario name, for a variant of this client (empty for none)',
        help: 'Shown on the cover, and naming this file’s scenario when reports are compared.',
      }),
      ask('engagement', 'date', {
        message: 'Report date (YYYY-MM-DD)',
        help: 'The date printed on the report.',
        note: () => 'Empty: the day the report is generated.',
      }),
      ask('engagement', 'currency', { message: 'Currency of every amount' }),
      ask('engagement', 'exchangeRate', {
        message: 'The client’s own exchange rate (empty for the ECB monthly average of the report month)',
        unit: (ctx) => `${ctx.answers.engagement?.currency ?? 'USD'} per USD`,
        help: 'The US-dollar defaults in the data are converted at this rate.',
        when: (ctx) => (ctx.answers.engagement?.currency ?? 'USD') !== 'USD',
      }),
      ask('engagement', 'horizonYears', { message: 'Years the cost comparison covers', unit: 'years' }),
    ],
  },
  {
    key: 'cluster',
    title: 'Cluster',
    questions: [
      ask('cluster', 'clusters', { message: 'Kubernetes clusters in scope', unit: 'clusters' }),
      ask('cluster', 'nodes', { message: 'Worker nodes today, across all clusters', unit: 'nodes' }),
      ask('cluster', 'podsPerNode', { message: 'Average pods per worker node', unit: 'pods' }),
      ask('cluster', 'services', { message: 'Kubernetes Services, across all clusters', unit: 'Services' }),
      ask('cluster', 'growthPercentPerYear', {
        message: 'Yearly growth of the node count',
        unit: '% a year',
      }),
      ask('cluster', 'clouds', { message: 'Where do the clusters run?', labels: CLOUD_NAMES }),
      ask('cluster', 'currentCni', { message: 'CNI the clusters run today', labels: CNI_NAMES }),
      ask('cluster', 'platforms', {
        message: 'Who runs the clusters (managed service or distribution)?',
        labels: PLATFORM_NAMES,
      }),
      ask('cluster', 'kubeProxyMode', { message: 'How kube-proxy programs Services today' }),
    ],
  },
  {
    key: 'compliance',
    title: 'Compliance',
    questions: [
      ask('compliance', 'frameworks', {
        message: 'Compliance frameworks the clusters fall under',
        labels: FRAMEWORK_NAMES,
      }),
      ask('compliance', 'fedrampImpact', {
        message: 'FedRAMP impact level the service is authorised at',
        labels: { moderate: 'Moderate', high: 'High' },
        help: 'At Moderate, FedRAMP 20x recommends FIPS 140 validated modules; at High it requires them.',
        when: (ctx) => frameworksOf(ctx).includes('fedramp'),
      }),
      ask('compliance', 'contractedVendors', {
        message: 'Which of these vendors does the client already hold a contract with?',
        labels: VENDOR_NAMES,
        help:
          'Under DORA a vendor new to the client is a new ICT third-party provider: an assessment, the Article 30 ' +
          'clauses, a register entry and an exit strategy, then yearly upkeep. A vendor already under contract brings none of that.',
        when: (ctx) => frameworksOf(ctx).includes('dora'),
      }),
      ask('compliance', 'encryptionInTransit', {
        message: 'Must pod-to-pod traffic be encrypted between nodes?',
      }),
      ask('compliance', 'flowLogRetentionDays', {
        message: 'How long must network flow logs be kept?',
        unit: 'days',
        note: (ctx) =>
          frameworksOf(ctx).includes('pci-dss')
            ? 'PCI DSS keeps audit log history for at least 12 months (requirement 10.5.1).'
            : undefined,
      }),
      ask('compliance', 'airGapped', {
        message: (ctx) =>
          frameworksOf(ctx).length === 0
            ? 'Are the clusters air-gapped (no internet access)?'
            : `Are the clusters in scope for ${frameworkList(ctx)} air-gapped (no internet access)?`,
        note: () => 'An air-gapped install mirrors every image and chart; vendor support lowers that risk.',
      }),
      ask('compliance', 'fips', {
        message: (ctx) =>
          highFedramp(ctx)
            ? 'FedRAMP High requires FIPS 140 validated cryptography: does it apply to these clusters?'
            : 'Is FIPS 140 validated cryptography required?',
        note: (ctx) => {
          const others = frameworksOf(ctx).filter((f) => f !== 'fedramp');
          if (highFedramp(ctx))
            return 'FedRAMP High systems must use FIPS 140 validated modules (FRR-UCM-04; NIST SP 800-53 SC-13).';
          if (frameworksOf(ctx).includes('fedramp'))
            return 'FedRAMP Moderate recommends FIPS 140 validated modules (FRR-UCM-03); answer yes if a contract or agency requires them.';
          return others.length === 0
            ? 'Answer yes if a contract or regulator asks for FIPS 140.'
            : `${frameworkList(ctx)} ${others.length === 1 ? 'does' : 'do'} not require FIPS 140 by ${others.length === 1 ? 'itself' : 'themselves'}; answer yes if a contract or regulator does.`;
        },
        suggest: (ctx) => highFedramp(ctx),
      }),
    ],
  },
  {
    key: 'team',
    title: 'Team',
    questions: [
      ask('team', 'maturity', { message: 'How experienced is the platform team with Kubernetes?' }),
      ask('team', 'platformEngineers', { message: 'Engineers who run the clusters', unit: 'engineers' }),
      ask('team', 'ebpfExperience', { message: 'Experience debugging eBPF data planes' }),
      ask('team', 'vendorSupport', { message: 'SLA-backed 24x7 vendor support for the network layer' }),
    ],
  },
  {
    key: 'mesh',
    title: 'Service mesh',
    questions: [
      ask('mesh', 'current', { message: 'Service mesh in use today', labels: MESH_NAMES }),
      ask('mesh', 'sidecars', {
        message: 'Pods running a sidecar proxy today',
        unit: 'pods',
        when: meshInUse,
      }),
      ask('mesh', 'sidecarCpuMillicores', {
        message: 'CPU reserved per sidecar',
        unit: 'millicores',
        help: 'The CPU request of each sidecar proxy.',
        when: meshInUse,
        note: (ctx) => modelDefault(ctx, 'sidecarCpuMillicores'),
      }),
      ask('mesh', 'sidecarMemoryMiB', {
        message: 'Memory reserved per sidecar',
        unit: 'MiB',
        help: 'The memory request of each sidecar proxy.',
        when: meshInUse,
        note: (ctx) => modelDefault(ctx, 'sidecarMemoryMiB'),
      }),
      ask('mesh', 'latencySensitive', {
        message: (ctx) =>
          meshInUse(ctx)
            ? 'Do workloads suffer from the latency the sidecar proxies add?'
            : 'Would workloads suffer from the latency a sidecar proxy adds?',
      }),
    ],
  },
  {
    key: 'needs',
    title: 'Needs',
    questions: NEED_KEYS.map(need),
  },
  {
    key: 'priorities',
    title: 'Priorities',
    questions: [
      ...CRITERIA.map((c) =>
        ask('priorities', c, { message: `Weight of ${criterionInText(c)}`, scale: true }),
      ),
    ],
  },
  {
    key: 'assumptions',
    title: 'Cost assumptions',
    gate: {
      message: 'Override any of the cost defaults (salaries, prices, a vendor quote)?',
      help: 'Every default has a source and a range; the Isovalent price is a placeholder until there is a quote.',
    },
    questions: ASSUMPTION_KEYS.map(assumption),
  },
];
