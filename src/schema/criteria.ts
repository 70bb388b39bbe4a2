/** The four criteria every option is scored on and the client weighs (`priorities`), in the report's order. */
export const CRITERIA = ['cost', 'capability', 'risk', 'simplicity'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The top of the scale the client weighs each criterion on (0 ignores it). */
export const PRIORITY_MAX = 5;

/**
 * Each criterion's one name wherever it is shown: the interview's and the workshop page's questions, the score
 * chart's legend, the report's and the deck's tables and sentences (see `criterionInText`), the stakeholders' table;
 * `meaning`: what its 0-1 score counts, as the methodology and the answers schema say it.
 */
export const CRITERION_LABELS: Readonly<
  Record<Criterion, { readonly name: string; readonly meaning: string }>
> = {
  cost: {
    name: 'Cost',
    meaning:
      'total cost of ownership over the horizon; the cheapest of the options that meet as many musts scores 1',
  },
  capability: {
    name: 'Capability fit',
    meaning: 'how well the option meets each need, weighted by its importance',
  },
  risk: {
    name: 'Risk',
    meaning:
      'penalties for this client: team capacity, eBPF experience, the size of a live migration against the team, young add-ons, compliance gaps',
  },
  simplicity: {
    name: 'Simplicity',
    meaning:
      'how little the team must run, counting twice over what it must learn and run new; the leanest of them scores 1',
  },
};

/** The criterion's name mid-sentence: "the capability fit priority". */
export function criterionInText(criterion: Criterion): string {
  return CRITERION_LABELS[criterion].name.toLowerCase();
}

/** Whether a finding's key (a priority's or a cost input's) is a criterion's. */
export function isCriterion(key: string): key is Criterion {
  return (CRITERIA as readonly string[]).includes(key);
}
