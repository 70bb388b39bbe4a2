import { CRITERIA } from '../scoring/evaluate-options.js';
import { formatNumber, formatPercent } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { MethodologySection } from './report-model.js';

const CRITERION_MEANINGS = {
  cost: 'total cost of ownership over the horizon, cheapest option scores 1',
  capability: 'how well the option meets each need, weighted by its importance',
  risk: 'penalties for this client: team capacity, eBPF experience, migration, immature add-ons, compliance gaps',
  simplicity: 'how few components the option runs per cluster',
} as const;

/** How the recommendation was reached, and the stamp that reproduces it. */
export function methodologySection(ctx: ReportContext): MethodologySection {
  const { result, stamp, dataset } = ctx.sources;
  const rate = dataset.currencies.rates.find((r) => r.currency === result.currency.code && r.perUsd !== 1);
  const total = CRITERIA.reduce((sum, c) => sum + result.priorities[c], 0);
  return {
    paragraphs: [
      'Needs come first. Each capability gets an importance (must, should, nice, no): stated in the workshop, or ' +
        'derived by declarative rules from the other answers, each with the sentence that explains it. An option ' +
        'that cannot meet a must is ruled out, with the reason.',
      'Each option is then costed year by year over the horizon in six categories: subscription per node, ' +
        'operations labour (effort per component, adjusted for team maturity and eBPF experience, at the loaded ' +
        'engineer cost), compute the network layer and sidecars reserve, add-on licences, and one-off migration and ' +
        'training. Recurring costs grow with the node count. Every default has a unit, a source and a low, likely ' +
        'and high value, listed in the appendix; the client’s own figures replace them.',
      'The decision is a weighted score of four criteria, each on a 0–1 scale, with the priorities set in the ' +
        'workshop as weights. The margin to the best rival that meets as many musts decides whether it is called a ' +
        'close call. Sensitivity analysis finds the exact value of each priority, and the break-even value of each ' +
        'main cost input, at which another option would win; a tornado shows which inputs move the cost most; a ' +
        'seeded Monte Carlo simulation over the cost ranges gives the confidence and the P10–P90 range.',
    ],
    weights: CRITERIA.map((c) => ({
      criterion: `${c}: ${CRITERION_MEANINGS[c]}`,
      weight: formatNumber(result.priorities[c], 1),
      share: total === 0 ? '–' : formatPercent(result.priorities[c] / total),
    })),
    stamp: [
      { label: 'Tool', value: `${stamp.tool} ${stamp.toolVersion}` },
      { label: 'Data version', value: stamp.dataVersion },
      { label: 'Facts last verified', value: stamp.dataVerifiedOn },
      ...(rate === undefined
        ? []
        : [
            {
              label: 'Exchange rate',
              value: `${rate.perUsd} ${rate.currency} per USD (${rate.vintage ?? rate.asOf})`,
            },
          ]),
      { label: 'Answers file (SHA-256)', value: stamp.inputSha256 },
      { label: 'Simulation', value: `${formatNumber(stamp.draws)} draws, seed ${stamp.seed}` },
      { label: 'Report date', value: stamp.date },
    ],
  };
}
