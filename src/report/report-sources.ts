import type { Answers } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import type { ScoreResult } from '../scoring/score-result.js';
import type { StakeholderViews } from '../scoring/stakeholder-views.js';

/** What result.json carries beside the result, so anyone can reproduce a report exactly. */
export interface ReproStamp {
  readonly tool: 'cnireport';
  readonly toolVersion: string;
  readonly dataVersion: string;
  /** When the data's facts were last checked against their sources (data/meta.yaml verifiedOn), YYYY-MM-DD. */
  readonly dataVerifiedOn: string;
  /** SHA-256 of the answers file's text in UTF-8 (a leading byte-order mark left out), hex. */
  readonly inputSha256: string;
  readonly seed: number;
  readonly draws: number;
  /** The report date, YYYY-MM-DD: from the answers, else SOURCE_DATE_EPOCH, else today. */
  readonly date: string;
}

/** The consultancy's branding, validated, with the logo already read and inlined. */
export interface Brand {
  /** Consultancy name shown on the cover and in the footer. */
  readonly name: string | null;
  /** The logo as a `data:` URI (PNG, JPEG or SVG), or null for none. */
  readonly logoDataUri: string | null;
  /** Primary colour, `#rrggbb`. */
  readonly primaryColor: string;
  /** Text printed in every page footer, e.g. a confidentiality line. */
  readonly footer: string | null;
}

/** A chart as the report inlines it: the SVG and what to say about it. */
export interface ReportChartImage {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Everything one report is made of; all validated, nothing left to read from disk or the clock. */
export interface ReportSources {
  readonly result: ScoreResult;
  readonly answers: Answers;
  readonly dataset: Dataset;
  readonly brand: Brand;
  readonly charts: readonly ReportChartImage[];
  readonly stamp: ReproStamp;
  readonly paper: 'A4' | 'Letter';
  /** The price per node-year at which each subscription option would be recommended, in sentences. */
  readonly quoteTargets?: readonly string[];
  /** Each named stakeholder's recommendation and the boundary of their agreement, when the answers name any. */
  readonly stakeholders?: StakeholderViews | null;
}
