import type { BuiltResult, ReproStamp } from '../result/result-schema.js';

export type { ReproStamp };

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
  readonly result: BuiltResult;
  readonly brand: Brand;
  readonly charts: readonly ReportChartImage[];
  readonly stamp: ReproStamp;
  readonly paper: 'A4' | 'Letter';
}
