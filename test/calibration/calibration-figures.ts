import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { score } from '../../src/index.js';
import { AnswersSchema } from '../../src/schema/answers.js';

/** Two independent senior consultants' judgement of one situation: their pick, and whether it is a close call. */
const JudgementsSchema = z.array(
  z.strictObject({
    situation: z.string().min(1),
    judges: z.array(z.strictObject({ pick: z.string().min(1), call: z.enum(['close', 'clear']) })).length(2),
  }),
);

export interface CalibrationCase {
  readonly situation: string;
  readonly engine: { readonly pick: string; readonly closeCall: boolean; readonly confidence: number };
  readonly judges: readonly { readonly pick: string; readonly call: 'close' | 'clear' }[];
}

/** `hits` of `of` cases. */
export interface Rate {
  readonly hits: number;
  readonly of: number;
}

export interface CalibrationFigures {
  readonly situations: number;
  /** The engine's pick is the judges' where both judges pick the same option. */
  readonly pickAgreement: Rate;
  /** The engine flags a close call where both judges call it close, where either does, and where both call it clear. */
  readonly flaggedWhenBothClose: Rate;
  readonly flaggedWhenEitherClose: Rate;
  readonly flaggedWhenBothClear: Rate;
  /** The engine's confidence is below 0.9 where either judge calls it close. */
  readonly unsureWhenEitherClose: Rate;
}

function rate(cases: readonly CalibrationCase[], hit: (c: CalibrationCase) => boolean): Rate {
  return { hits: cases.filter(hit).length, of: cases.length };
}

/** How the engine's picks and close calls compare with two judges'. */
export function calibrationFigures(cases: readonly CalibrationCase[]): CalibrationFigures {
  const calls = (c: CalibrationCase) => c.judges.filter((j) => j.call === 'close').length;
  const agreed = cases.filter((c) => c.judges.every((j) => j.pick === c.judges[0]?.pick));
  const flagged = (c: CalibrationCase) => c.engine.closeCall;
  const eitherClose = cases.filter((c) => calls(c) >= 1);
  return {
    situations: cases.length,
    pickAgreement: rate(agreed, (c) => c.engine.pick === c.judges[0]?.pick),
    flaggedWhenBothClose: rate(
      cases.filter((c) => calls(c) === c.judges.length),
      flagged,
    ),
    flaggedWhenEitherClose: rate(eitherClose, flagged),
    flaggedWhenBothClear: rate(
      cases.filter((c) => calls(c) === 0),
      flagged,
    ),
    unsureWhenEitherClose: rate(eitherClose, (c) => c.engine.confidence < 0.9),
  };
}

/** Scores every situation of a calibration folder (`situations/*.yaml` and `judgements.yaml`) with the engine. */
export function scoreCalibrationSet(folder: string, draws?: number): CalibrationCase[] {
  const judgements = JudgementsSchema.parse(parse(readFileSync(join(folder, 'judgements.yaml'), 'utf8')));
  const files = readdirSync(join(folder, 'situations')).filter((f) => f.endsWith('.yaml'));
  const judged = new Set(judgements.map((j) => j.situation));
  const unjudged = files.filter((f) => !judged.has(f.replace(/\.yaml$/, '')));
  if (unjudged.length > 0) throw new Error(`situations without judgements: ${unjudged.join(', ')}`);
  return judgements.map((j) => {
    const answers = AnswersSchema.parse(
      parse(readFileSync(join(folder, 'situations', `${j.situation}.yaml`), 'utf8')),
    );
    const rec = score(answers, undefined, draws === undefined ? {} : { draws }).recommendation;
    return {
      situation: j.situation,
      engine: { pick: rec.option, closeCall: rec.closeCall, confidence: rec.confidence },
      judges: j.judges,
    };
  });
}

const share = (r: Rate) =>
  r.of === 0 ? 'n/a' : `${r.hits}/${r.of} (${Math.round((100 * r.hits) / r.of)} %)`;

/** The figures and every case, as a consultant reads them in a terminal. */
export function formatCalibration(cases: readonly CalibrationCase[]): string {
  const f = calibrationFigures(cases);
  const width = Math.max(...cases.map((c) => c.situation.length), 9);
  const rows = cases.map((c) => {
    const judges = c.judges.map((j) => `${j.pick}/${j.call}`).join(', ');
    const mark = c.judges.every((j) => j.pick === c.engine.pick) ? ' ' : '*';
    return `${mark} ${c.situation.padEnd(width)}  ${c.engine.pick.padEnd(20)} ${c.engine.confidence.toFixed(2)} ${c.engine.closeCall ? 'close' : 'clear'}   judges: ${judges}`;
  });
  return [
    `Calibration over ${f.situations} situations (* the engine's pick differs from a judge's):`,
    ...rows,
    '',
    `Pick agrees where both judges agree:        ${share(f.pickAgreement)}`,
    `Flagged close where both judges call close: ${share(f.flaggedWhenBothClose)}`,
    `Flagged close where either calls close:     ${share(f.flaggedWhenEitherClose)}`,
    `Flagged close where both call clear:        ${share(f.flaggedWhenBothClear)}`,
    `Confidence below 0.9 where either calls close: ${share(f.unsureWhenEitherClose)}`,
  ].join('\n');
}
