import type { Importance } from '../schema/answers.js';
import type { CapabilityId, OptionId, SupportLevel } from '../schema/dataset.js';
import type { Risk } from './assess-risk.js';
import type { ByCategory } from './compute-tco.js';
import type { NeedOrigin } from './derive-needs.js';
import type { CriterionScores, Weights } from './evaluate-options.js';
import type { Reason } from './explain.js';
import type { MonteCarloResult } from './monte-carlo.js';
import type { Parameter } from './resolve-parameters.js';
import type { SensitivityFinding } from './sensitivity.js';
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

export interface SensitivityEntry extends SensitivityFinding {
  readonly sentence: string;
}

export interface OptionResult {
  readonly id: OptionId;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly criteria: CriterionScores;
  readonly disqualified: boolean;
  readonly unmetMusts: readonly CapabilityId[];
  readonly reasons: readonly string[];
  readonly because: readonly Reason[];
  readonly tco: TcoSummary & { readonly p10: number; readonly p50: number; readonly p90: number };
  readonly stack: {
    readonly components: readonly string[];
    readonly addons: readonly { id: string; name: string; isNew: boolean }[];
  };
  readonly capabilities: readonly {
    id: CapabilityId;
    importance: Importance;
    level: SupportLevel;
    possibleLevel: SupportLevel;
    via: readonly string[];
    note: string;
    source: string;
  }[];
  readonly risks: readonly Risk[];
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
    readonly addonHours: number;
    readonly meshHours: number;
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
    /** Share of Monte Carlo draws in which this option stays recommended. */
    readonly confidence: number;
    readonly closeCall: boolean;
    /** Score lead over the best option that meets as many musts, on the 0-1 scale; null when every rival is ruled out. */
    readonly margin: number | null;
    readonly runnerUp: OptionId;
    readonly meetsAllMusts: boolean;
    readonly reasons: readonly string[];
    readonly because: readonly Reason[];
  };
  readonly options: readonly OptionResult[];
  readonly baseline: { readonly description: string; readonly tco: TcoSummary };
  readonly needs: readonly {
    capability: CapabilityId;
    name: string;
    importance: Importance;
    origin: NeedOrigin;
    reasons: readonly string[];
    basis: readonly string[];
  }[];
  readonly priorities: Weights;
  readonly sensitivity: readonly SensitivityEntry[];
  readonly tornado: { readonly option: OptionId; readonly bars: readonly TornadoBar[] };
  readonly monteCarlo: MonteCarloResult;
  readonly assumptions: readonly Parameter[];
  readonly currency: { readonly code: string; readonly perUsd: number; readonly source: string };
  readonly notCosted: readonly string[];
}
