import type { VariedDraw, WorldJudgement } from '../scoring/monte-carlo.js';

/** How result.json's `monteCarlo.varied` names each judgement the worlds draw. */
const JUDGEMENT_WORDS: Readonly<Record<WorldJudgement['id'], string>> = {
  prioritySpread: 'priorities',
  levelSpread: 'capability judgements',
  migrationFear: 'migration risk',
  newComponentWeight: 'weight of new components',
  changeHurdle: 'change hurdle',
  softMustHeld: 'musts that rest on advice',
};

/** One entry of result.json's `monteCarlo.varied`: a cost input by its key, an add-on's effort, or a judgement. */
export function variedDrawText(draw: VariedDraw): string {
  switch (draw.kind) {
    case 'cost':
      return draw.key;
    case 'addonEffort':
      return `addons.${draw.addon} effort`;
    case 'judgement':
      return JUDGEMENT_WORDS[draw.judgement];
  }
}
