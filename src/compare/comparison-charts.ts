import type { ReportChart } from '../charts/report-charts.js';
import { attributionSpec } from './charts/attribution-bars.js';
import { type ScenarioLabel, scenarioScoresSpec, scenarioTcoSpec } from './charts/scenario-bars.js';
import { type Comparison, signedScore } from './compare-scenarios.js';

/** "A", "B", … for the scenarios in the order given; the first is the reference. */
export function scenarioLetter(i: number): string {
  return String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
}

/** How the report names each scenario: the consultant's label, else its file's name. */
export function scenarioLabels(comparison: Comparison): ScenarioLabel[] {
  return comparison.scenarios.map((scenario) => ({ scenario, label: scenario.label }));
}

/**
 * The comparison's charts: scores and TCOs of the scenarios side by side, then, for each later scenario, the
 * Shapley shares of the change in the lead between the recommendations. The TCO chart is left out when the
 * scenarios use different currencies.
 */
export function comparisonCharts(comparison: Comparison): ReportChart[] {
  const labels = scenarioLabels(comparison);
  const describe = (f: (s: Comparison['scenarios'][number]) => string) =>
    labels.map((l) => `${l.label}: ${f(l.scenario)}`).join('; ');
  const charts: ReportChart[] = [
    {
      name: 'compare-scores',
      title: 'Score of each option, scenario by scenario',
      description: `Scores by scenario. ${describe((s) => s.options.map((o) => `${o.name} ${o.score.toFixed(2)}`).join(', '))}.`,
      spec: scenarioScoresSpec(labels),
    },
  ];
  const currencies = new Set(comparison.scenarios.map((s) => s.currency));
  if (currencies.size === 1) {
    charts.push({
      name: 'compare-tco',
      title: 'Total cost of ownership, scenario by scenario',
      description: `Total cost of ownership by scenario. ${describe((s) => `recommended ${s.recommendation.name}`)}.`,
      spec: scenarioTcoSpec(labels),
    });
  }
  comparison.comparisons.forEach((c, k) => {
    const lead = c.attribution.quantities.find((q) => q.kind === 'lead');
    if (lead === undefined || c.attribution.inputs.length === 0 || lead.against === undefined) return;
    const after = comparison.scenarios[k + 1];
    const name = (id: string) => after?.options.find((o) => o.id === id)?.name ?? id;
    const letter = scenarioLetter(k + 1);
    const [from, to] = [comparison.scenarios[0]?.label, after?.label];
    const title = `What moved the lead of ${name(lead.option)} over ${name(lead.against)}, ${from} to ${to}`;
    charts.push({
      name: `compare-attribution-${letter.toLowerCase()}`,
      title,
      description: `${title}: from ${signedScore(lead.from)} to ${signedScore(lead.to)}; ${c.attribution.inputs.map((input, i) => `${input.label} ${signedScore(lead.shares[i] ?? 0)}`).join(', ')}.`,
      spec: attributionSpec(
        title,
        `Each changed answer's Shapley share of the change, on the 0–1 score scale: from ${signedScore(lead.from)} to ${signedScore(lead.to)}.`,
        c.attribution.inputs.map((input, i) => ({ label: input.label, value: lead.shares[i] ?? 0 })),
      ),
    });
  });
  return charts;
}
