import type { Importance } from '../schema/answers.js';
import type { CapabilityId, OptionId, OptionMark, SupportLevel } from '../schema/dataset.js';
import type { Risk } from './assess-risk.js';
import type { RunsToday } from './baseline-plan.js';
import type { CloseCallReason } from './close-because.js';
import type { ByCategory } from './compute-tco.js';
import type { NeedOrigin } from './derive-needs.js';
import type { GroupPathResult } from './estate-result.js';
import type { CriterionScores, Weights } from './evaluate-options.js';
import type { Reason } from './explain.js';

/** A reason with its sentence, as result.json carries it. */
export type DescribedReason = Reason & { readonly text: string };

import type { MonteCarloResult } from './monte-carlo.js';
import type { Parameter } from './resolve-parameters.js';
import type { StackDecision } from './select-stack.js';
import type { SensitivityFinding } from './sensitivity.js';
import type { SidecarTax } from './sidecar-tax.js';
import type { TornadoBar } from './tornado.js';

/** Money rounded to whole units of the engagement currency; categories, years and total add up exactly. */
export interface TcoSummary {
  readonly total: number;
  readonly perYear: readonly number[];
  readonly byCategory: ByCategory;
  readonly byYear: readonly ByCategory[];
  /** Status-quo TCO minus this option's: positive means cheaper than staying as today. */
  readonly savingsVsBaseline?: number;
}

/**
 * The headline basis: the median of the simulated totals with its P10 and P90, and the total at the likely values
 * (`total`, which the years and categories add up to) under its own name.
 */
export interface SimulatedTco {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly likely: number;
}

/** Whether the recommendation changes the client's data plane, and how clear the case for that change is. */
export interface ChangeDecision {
  /** The option that keeps what the client runs today without a new subscription; null when none does. */
  readonly incumbent: OptionId | null;
  /** The recommendation moves the clusters to another CNI. */
  readonly changesDataPlane: boolean;
  /** The best score at the likely figures, before the change rule. */
  readonly bestAtLikely: OptionId;
  /** The best-scoring option changes the data plane but does not lead staying by the likely change hurdle. */
  readonly stayed: boolean;
  /** The best option other than staying, its score lead over staying, and the lead it needs at the likely figures (data/model.yaml's change hurdle). */
  readonly challenger: OptionId | null;
  readonly lead: number | null;
  readonly hurdle: number | null;
}

/** One optional piece weighed for an option's stack, and why it was taken in or left out, in the client's words. */
export interface StackDecisionResult extends StackDecision {
  readonly reason: string;
}

export interface SensitivityEntry extends SensitivityFinding {
  readonly sentence: string;
}

export interface OptionResult {
  readonly id: OptionId;
  readonly name: string;
  /** Position in the data's option list: the order every table and chart shows the options in. */
  readonly order: number;
  /** The option's colour (#RRGGBB) and chart point shape, the same in every output. */
  readonly colour: string;
  readonly mark: OptionMark;
  /** The name in running text ("Cilium OSS", or the client's own CNI where this path keeps it). */
  readonly short: string;
  readonly rank: number;
  readonly score: number;
  readonly criteria: CriterionScores;
  readonly disqualified: boolean;
  readonly unmetMusts: readonly CapabilityId[];
  /** Platforms of the client's that do not allow this option's CNI: each rules it out. */
  readonly excludedBy: readonly { platform: string; note: string; source: string }[];
  /** The CNI this path runs for the client, and whether that is the one they run today. */
  readonly cni: string;
  readonly keepsCurrentCni: boolean;
  /** For an estate of several groups: what each group runs on this path, and its own cost and migration. */
  readonly groups?: readonly GroupPathResult[];
  readonly reasons: readonly string[];
  readonly because: readonly DescribedReason[];
  readonly tco: TcoSummary & {
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
    /** Share of simulated scenarios that cost less than `total` (the TCO at likely values). */
    readonly likelyPercentile: number;
  } & SimulatedTco & {
      /** The status quo's median minus this option's: the saving on the headline basis (positive: cheaper). */
      readonly medianSavingsVsBaseline: number;
      /** Share (0 to 1) of the likely-values total that rests on indicative prices nobody has quoted yet. */
      readonly indicativeShare: number;
    };
  readonly stack: {
    readonly components: readonly string[];
    /** Components the team does not run today. */
    readonly newComponents: readonly string[];
    readonly addons: readonly { id: string; name: string; isNew: boolean }[];
    readonly movesSidecars: boolean;
    /** The should and nice needs and the sidecar move weighed for this stack: taken in or left out, and why. */
    readonly decisions: readonly StackDecisionResult[];
  };
  readonly capabilities: readonly {
    id: CapabilityId;
    importance: Importance;
    level: SupportLevel;
    possibleLevel: SupportLevel;
    via: readonly string[];
    note: string;
    source: string;
    /** For an estate whose groups reach the capability at different levels: each group's level. */
    groups?: readonly { group: string; level: SupportLevel; via: readonly string[] }[];
  }[];
  readonly risks: readonly (Risk & { readonly text: string })[];
  readonly operations: {
    readonly hoursPerMonth: number;
    /** Share of the team's networking time; null when the team has none (no engineers, or a share of 0). */
    readonly teamUtilisation: number | null;
    readonly sidecarsKept: number;
    readonly perNodeVcpu: number;
    readonly perNodeGb: number;
  };
  /** One-time engineer-hours to move to this option, by part, after the team-maturity factor. */
  readonly migration: {
    readonly cniHours: number;
    /** Switching on kube-proxy replacement and removing kube-proxy. */
    readonly kubeProxyHours: number;
    readonly addonHours: number;
    readonly meshHours: number;
    /** Moving kube-proxy off IPVS before that mode is switched off, on a path that keeps kube-proxy in it. */
    readonly kubeProxyModeHours: number;
    /** The year of the horizon (1 for the first) that move falls in; null where there is none. */
    readonly kubeProxyModeYear: number | null;
    /** Contracting the new ICT providers, and extending existing contracts, under the client's frameworks, in year 1. */
    readonly ictProviderHours: number;
  };
  /** ICT third parties the path contracts anew where a framework (DORA) attaches work to that, and the hours. */
  readonly newIctProviders: {
    readonly names: readonly string[];
    readonly contractHours: number;
    readonly upkeepHoursPerYear: number;
    /** The path's providers the client already contracts: not new, so not counted above. */
    readonly alreadyContracted: readonly string[];
    /** Extending those contracts to the new service, once, in year 1. */
    readonly extensionHours: number;
  };
}

/** The decision engine's result: `score --json` prints it and result.json carries it. */
export interface ScoreResult {
  readonly resultVersion: 1;
  readonly dataVersion: string;
  readonly engagement: { readonly client: string; readonly currency: string; readonly horizonYears: number };
  readonly recommendation: {
    readonly option: OptionId;
    readonly name: string;
    /**
     * Share of the plausible worlds (costs and the judgements consultants differ on, drawn together) in which this
     * option is still what a careful consultant would recommend.
     */
    readonly confidence: number;
    /** The runner-up wins a material share of the worlds, or the lead is inside the uncertainty band. */
    readonly closeCall: boolean;
    /** For a close call, the two or three inputs or judgements that would make another option the pick; else empty. */
    readonly closeBecause: readonly CloseCallReason[];
    /** The strongest rival across the worlds, the share it wins, and how much the lead over it varies. */
    readonly worlds: {
      readonly rival: OptionId | null;
      readonly rivalShare: number;
      /** Standard deviation of the lead over the rival across the worlds (0-1 score points). */
      readonly leadSpread: number | null;
    };
    /** Score lead over the best option that meets as many musts, on the 0-1 scale; null when every rival is ruled out. */
    readonly margin: number | null;
    readonly runnerUp: OptionId;
    readonly meetsAllMusts: boolean;
    readonly reasons: readonly string[];
    readonly because: readonly DescribedReason[];
    readonly change: ChangeDecision;
  };
  readonly options: readonly OptionResult[];
  readonly baseline: {
    readonly description: string;
    readonly tco: TcoSummary & SimulatedTco;
    /** The option whose path staying is; null when the clusters have no CNI the data describes. */
    readonly option: OptionId | null;
    /** Whether today's set-up, with nothing added, meets every must. */
    readonly meetsAllMusts: boolean;
    readonly unmetMusts: readonly CapabilityId[];
    /** What staying keeps, in each group, by the name the client's provider gives it. */
    readonly runsToday: readonly RunsToday[];
  };
  readonly needs: readonly {
    capability: CapabilityId;
    name: string;
    importance: Importance;
    origin: NeedOrigin;
    reasons: readonly string[];
    basis: readonly string[];
    /** A must that rests on advice, not on a stated requirement: some plausible worlds hold it as a should. */
    soft: boolean;
  }[];
  readonly priorities: Weights;
  readonly sensitivity: readonly SensitivityEntry[];
  readonly tornado: { readonly option: OptionId; readonly bars: readonly TornadoBar[] };
  readonly monteCarlo: MonteCarloResult;
  readonly assumptions: readonly Parameter[];
  readonly currency: {
    readonly code: string;
    readonly perUsd: number;
    readonly source: string;
    /** `ecb` (a monthly average from the data), `client` (engagement.exchangeRate) or `base` (USD). */
    readonly origin: 'base' | 'ecb' | 'client';
    /** The month of the ECB average used, YYYY-MM; null for USD or the client's own rate. */
    readonly month: string | null;
    /** What the rate is, with its month, in the client's words. */
    readonly vintage: string;
  };
  /** What today's sidecars cost and what moving them to a sidecar-free mesh saves; null without sidecars. */
  readonly sidecarTax: SidecarTax | null;
  readonly notCosted: readonly string[];
}
