import type { EngineResult } from '../result/result-types.js';
import { CRITERIA, CRITERION_LABELS } from '../schema/criteria.js';

type WorldJudgement = EngineResult['monteCarlo']['judgements'][number];

import { formatNumber, formatPercent, joinAnd } from '../shared/format.js';
import { moneyBasisParagraphs } from './money-basis.js';
import type { ReportContext } from './report-context.js';
import type { MethodologySection } from './report-model.js';

const JUDGEMENT_NAMES: Record<WorldJudgement['id'], string> = {
  prioritySpread: 'What a workshop priority means',
  levelSpread: 'How well an option meets a need',
  migrationFear: 'How much the live migration is feared',
  newComponentWeight: 'How much a component new to the team weighs',
  changeHurdle: 'The lead a change of data plane is asked for',
  softMustHeld: 'Whether a must that rests on advice is held',
};

function judgementRange(j: WorldJudgement): string {
  switch (j.id) {
    case 'prioritySpread':
      return `±${formatNumber(j.high, 1)} point, uniform`;
    case 'levelSpread':
      return `±${formatNumber(j.high, 2)} on a 0–1 scale, triangular`;
    case 'migrationFear':
      return `${formatNumber(j.low, 1)}× to ${formatNumber(j.high, 1)}× the estimated risk, likely ${formatNumber(j.likely, 1)}×`;
    case 'newComponentWeight':
      return `${formatNumber(j.low, 1)} to ${formatNumber(j.high, 1)} times a known one, likely ${formatNumber(j.likely, 1)}`;
    case 'changeHurdle':
      return `${formatNumber(j.low, 2)} to ${formatNumber(j.high, 2)} points, likely ${formatNumber(j.likely, 2)}`;
    case 'softMustHeld':
      return `held in ${formatPercent(j.likely)} of the worlds`;
  }
}

/** How the recommendation was reached, and the stamp that reproduces it. */
export function methodologySection(ctx: ReportContext): MethodologySection {
  const { result, stamp } = ctx.sources;
  const total = CRITERIA.reduce((sum, c) => sum + result.priorities[c], 0);
  const rule = result.monteCarlo.closeCallRule;
  return {
    paragraphs: [
      `The paths compared: ${joinAnd(
        result.options.map((o) => {
          const path = result.paths.find((p) => p.id === o.id);
          return `${o.name}${path === undefined || path.formerly === null ? '' : ` (formerly ${path.formerly}${path.vendor === null ? '' : `, from ${path.vendor}`})`}`;
        }),
      )}.`,
      'Needs come first. Each capability gets an importance (must, should, nice, no): stated in the workshop, or ' +
        'derived by declarative rules from the other answers, each with the sentence that explains it. A must counts ' +
        'as met only in full: an option that meets one only in part either closes the gap with the components that ' +
        'do it, whose set-up, running effort and footprint are costed, or is ruled out, with the reason. A platform ' +
        'that does not allow an option’s CNI rules it out too, and vendor support comes from the option’s own vendor ' +
        'or from the vendor of the client’s platform where it supports that CNI. A path with no vendor of its own ' +
        'runs the platform’s build of its CNI where the platform has one, with the capabilities the provider gives ' +
        'it: a feature the provider sells as a paid add-on is weighed and costed like any other add-on, and one it ' +
        'does not offer there is not credited. Where the provider has its own migration to that build, that is the ' +
        'migration described and costed, at the share of a live migration’s effort the provider’s part leaves to ' +
        'the team (an estimate, stated with its basis). Where the provider also deploys and upgrades the agent, the ' +
        'team keeps only a share of the CNI’s own upkeep (policies, troubleshooting, incidents), an estimate too.',
      'Each option’s stack is fitted to the client. Musts always get what closes them; an add-on for a should or ' +
        'nice need, and moving the sidecars to a sidecar-free mesh, join a stack only where they raise that option’s ' +
        'own score under the client’s priorities (their capability against their cost, risk and complexity). What ' +
        'was left out, and why, is listed for each path. A client on another simple CNI keeps it on the minimal path.',
      'Each option is then costed year by year over the horizon in six categories: subscription per node, ' +
        'operations labour (effort per component, adjusted for team maturity and eBPF experience, at the loaded ' +
        'engineer cost), compute the network layer and sidecars reserve (on one basis for every component: the ' +
        'larger of its request and its measured use; kube-proxy by the Services of its own cluster), add-on ' +
        'licences, and one-off migration and training. Recurring costs grow with the node count. Every default has ' +
        'a unit, a source and a low, likely and high value, listed in the appendix; the client’s own figures replace them.',
      ...moneyBasisParagraphs(ctx),
      'Every headline cost in this report (the cover, the summary, the comparison, the deck and the workbook’s ' +
        'summary) is the median of the simulated totals, with the P10–P90 range beside it, and staying as today is ' +
        'simulated in the same scenarios. Most cost ranges reach further above their likely value than below it, so ' +
        'the total at the likely value of every input sits low in that range; it is shown as such, and the yearly and ' +
        'category tables and the workbook’s formulas use it, because those add up where medians do not.',
      'The path the client runs today is a real option: it needs no data-plane migration (only the set-up of what it ' +
        'adds) and carries none of a migration’s risk, and ' +
        'whether it meets the needs is computed, not assumed. Simplicity counts what the team must learn and run new, ' +
        'and the risk of a live migration grows with the months of the team’s time it takes. A change of data plane ' +
        'pays for its migration once, in its cost and in its risk score; at the likely figures it needs no further ' +
        'lead over staying.',
      'The decision is a weighted score of four criteria, each on a 0–1 scale, with the priorities set in the ' +
        'workshop as weights. Confidence is the share of plausible worlds in which the recommendation is still what ' +
        'a careful consultant would recommend. Each world draws every cost estimate from its range and, with it, the ' +
        'judgements on which two senior consultants looking at the same workshop differ, listed below with the range ' +
        'of each and the reason for it (in the spirit of stochastic multicriteria acceptability analysis). In each ' +
        'world the best score among the paths that meet the musts wins, after that world’s lead for a change. A ' +
        `decision is called a close call when another path could be the pick in ${formatPercent(rule.share)} or more of the ` +
        `plausible worlds, or when the lead at the likely figures is smaller than ${formatNumber(rule.band, 1)} standard deviation of ` +
        'that lead across them; the report then names the two or three judgements or inputs it turns on. The ' +
        `${formatNumber(result.monteCarlo.draws)} worlds drawn give another path’s share only to within about a point, so the ` +
        `rule asks whether that share could be ${formatPercent(rule.share)}: a path that is the pick in ` +
        `${formatNumber(rule.shareAtWorlds * 100, 1)} % or more of the worlds drawn counts (${formatPercent(rule.share)} less ` +
        `${formatNumber(rule.z, 2)} standard errors of a ${formatPercent(rule.share)} share over that many worlds, the usual 95 % margin). ` +
        'Drawing other worlds then changes the call only for a path whose share sits on that line. ' +
        'Sensitivity analysis finds the exact value of ' +
        'each priority, and the break-even value of each main cost input, at which another option would win; a ' +
        'tornado shows which inputs move the cost most.',
      'A break-even is looked for only where the input could plausibly be: a cost input within the low-to-high ' +
        'range the simulation draws it from (widened to take in a figure the client gave), and the node and sidecar ' +
        `counts from ${formatNumber(result.breakEvenCountRange.low * 100)} % to ${formatNumber(result.breakEvenCountRange.high * 100)} % of today’s. Where no value in that range changes the recommendation, ` +
        'the report says so and quotes the range, not a value far outside it. A vendor’s price is the exception: its ' +
        'quote target is the highest price at which the option is chosen, wherever that lies, because it is what a ' +
        'negotiation needs.',
      'Figures are rounded one way for each kind. Money in text and tables is in whole units of the currency, and ' +
        'each table’s totals are the sums of its rounded parts, so they add up as shown. Chart labels show whole ' +
        'units below 10,000 and three significant figures above (“€1.23M”). Prices below 100 per unit, such as a ' +
        'vCPU-hour, keep four significant figures; shares are whole percents. A threshold is printed at its ' +
        'precision as the last value that keeps the recommendation (“at €8,323 or less”, “holds from 1.7”) or the ' +
        'first that changes it (“rose to €8,324 or more”, “at 1.6 or less”), so the two never contradict each other.',
    ],
    worlds: result.monteCarlo.judgements.map((j) => ({
      judgement: JUDGEMENT_NAMES[j.id],
      range: judgementRange(j),
      reason: j.reason,
    })),
    weights: CRITERIA.map((c) => ({
      criterion: `${CRITERION_LABELS[c].name}: ${CRITERION_LABELS[c].meaning}`,
      weight: formatNumber(result.priorities[c], 1),
      share: total === 0 ? '–' : formatPercent(result.priorities[c] / total),
    })),
    stamp: [
      { label: 'Tool', value: `${stamp.tool} ${stamp.toolVersion}` },
      { label: 'Data version', value: stamp.dataVersion },
      { label: 'Facts last verified', value: stamp.dataVerifiedOn },
      ...(result.currency.origin === 'base'
        ? []
        : [
            {
              label: 'Exchange rate',
              value: `${result.currency.perUsd} ${result.currency.code} per USD (${result.currency.vintage})`,
            },
          ]),
      { label: 'Answers file (SHA-256)', value: stamp.inputSha256 },
      { label: 'Simulation', value: `${formatNumber(stamp.draws)} draws, seed ${stamp.seed}` },
      { label: 'Report date', value: stamp.date },
    ],
  };
}
