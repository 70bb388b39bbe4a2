import { optionsInOrder } from '../result/options-in-order.js';
import { formatLongDate } from '../shared/format.js';
import { assumptionsSection } from './assumptions-section.js';
import { capabilitySection } from './capability-section.js';
import { executiveSummary } from './executive-summary.js';
import { methodologySection } from './methodology-section.js';
import { migrationSection } from './migration-section.js';
import { pathsSection } from './paths-section.js';
import { reportContext } from './report-context.js';
import type { ReportModel } from './report-model.js';
import type { ReportSources } from './report-sources.js';
import { sensitivitySection } from './sensitivity-section.js';
import { sidecarSection } from './sidecar-section.js';
import { situationSection } from './situation-section.js';
import { tcoSection } from './tco-section.js';

/** Chapters in print order; ids are the HTML anchors the contents and the PDF outline point at. */
const CHAPTERS = [
  ['summary', 'Executive summary'],
  ['situation', 'The client’s situation'],
  ['capability', 'Capability fit'],
  ['paths', 'What each path includes'],
  ['tco', 'Total cost of ownership'],
  ['sidecar', 'The sidecar tax'],
  ['sensitivity', 'Sensitivity'],
  ['migration', 'Migration path'],
  ['assumptions', 'Assumptions'],
  ['methodology', 'Methodology'],
] as const;

/** The whole report as formatted values, a pure function of its sources. */
export function buildReportModel(sources: ReportSources): ReportModel {
  const ctx = reportContext(sources);
  const { result, brand } = sources;
  const sidecar = sidecarSection(ctx);
  // A chapter that would hold one sentence for a client it does not concern is left out (that sentence sits in the
  // situation); the chapters after it are numbered on.
  const contents = CHAPTERS.filter(([id]) => id !== 'sidecar' || sidecar.applies).map(([id, title], i) => ({
    id,
    number: String(i + 1),
    title,
  }));
  return {
    title: `CNI recommendation for ${result.engagement.client}`,
    client: result.engagement.client,
    preparedBy: result.situation.engagement.preparedBy ?? null,
    scenario: result.situation.engagement.scenario ?? null,
    date: formatLongDate(sources.stamp.date),
    isoDate: sources.stamp.date,
    paper: sources.paper,
    brand: {
      name: brand.name,
      logoDataUri: brand.logoDataUri,
      primaryColor: brand.primaryColor,
      footer: brand.footer,
    },
    contents,
    chapter: Object.fromEntries(contents.map((c) => [c.id, c])),
    summary: executiveSummary(ctx),
    situation: situationSection(ctx),
    capability: capabilitySection(ctx),
    paths: pathsSection(ctx),
    tco: tcoSection(ctx),
    sidecar,
    sensitivity: sensitivitySection(ctx),
    migration: migrationSection(ctx),
    assumptions: assumptionsSection(ctx),
    methodology: methodologySection(ctx),
    options: optionsInOrder(ctx.sources.result).map((o) => ({ id: o.id, name: o.name, colour: o.colour })),
  };
}
