import { defaultDataset } from '../../src/io/load-dataset.js';
import type { Brand, ReportChartImage, ReportSources } from '../../src/report/report-sources.js';
import { buildResult } from '../../src/result/build-result.js';
import type { Answers } from '../../src/schema/answers.js';
import type { Dataset } from '../../src/schema/dataset.js';

export const PLAIN_BRAND: Brand = { name: null, logoDataUri: null, primaryColor: '#1f3a5f', footer: null };

/**
 * Report sources for answers, scored with few draws so unit tests stay fast (`draws: null`: the engine's own, as
 * generate scores); charts as given.
 */
export function reportSources(
  answers: Answers,
  overrides: {
    brand?: Brand;
    charts?: readonly ReportChartImage[];
    draws?: number | null;
    dataset?: Dataset;
  } = {},
): ReportSources {
  const dataset = overrides.dataset ?? defaultDataset();
  const result = buildResult(
    answers,
    dataset,
    overrides.draws === null ? {} : { draws: overrides.draws ?? 400 },
  );
  return {
    result,
    brand: overrides.brand ?? PLAIN_BRAND,
    charts: overrides.charts ?? [],
    stamp: {
      tool: 'cnireport',
      toolVersion: '0.0.0-test',
      dataVersion: result.dataVersion,
      dataVerifiedOn: dataset.meta.verifiedOn,
      inputSha256: '0'.repeat(64),
      seed: result.monteCarlo.seed,
      draws: result.monteCarlo.draws,
      date: answers.engagement.date ?? '2026-11-24',
    },
    paper: 'A4',
  };
}
