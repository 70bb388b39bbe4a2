import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadAnswersDraft } from '../../io/load-answers-draft.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { parseAnswersText } from '../../io/parse-answers-text.js';
import { formatProblem } from '../../io/problem.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import type { AnswersDraft } from '../../questionnaire/answers-draft.js';
import { askContext } from '../../questionnaire/ask-context.js';
import {
  interviewDraftNote,
  isInterviewDraft,
  stoppedSection,
} from '../../questionnaire/interview-draft-note.js';
import { InterviewInterrupted } from '../../questionnaire/interview-interrupted.js';
import type { Prompter } from '../../questionnaire/prompter.js';
import { QUESTIONNAIRE } from '../../questionnaire/questionnaire.js';
import { renderAnswersYaml } from '../../questionnaire/render-answers-yaml.js';
import { runInterview } from '../../questionnaire/run-interview.js';
import { summariseAnswers } from '../../questionnaire/summarise-answers.js';
import { reviseAnswersYaml } from '../../questionnaire/update-answers-yaml.js';
import { scoreAnswers } from '../../scoring/score-answers.js';
import { interviewStopped, noTerminal } from '../../shared/error-catalogue.js';
import { InternalError } from '../../shared/errors.js';
import type { CliIo } from '../cli-io.js';
import { formatRecommendation } from '../format-recommendation.js';
import { paint } from '../paint.js';
import { type InterviewTerminal, processTerminal } from '../process-terminal.js';
import { placeSchemaBeside, SCHEMA_BESIDE } from '../schema-beside.js';

export function registerInterview(
  program: Command,
  io: CliIo,
  terminal: InterviewTerminal = processTerminal(io),
): void {
  program
    .command('interview')
    .description('ask the questionnaire in the terminal, in the workshop room, and write the answers file')
    .option('--from <file>', 'answers file or interview draft whose answers are offered as the defaults')
    .option('-o, --output <file>', 'answers file to write (asks before replacing one)', 'answers.yaml')
    .addHelpText(
      'after',
      `
One question per key of the answers file, section by section, with the default shown: Enter accepts it.
Needs show what the other answers imply; only what differs has to be changed. At the end: a summary,
the recommendation, and the commented answers file.

Ctrl+C (or a closed terminal) keeps the answers so far in <output>.draft.yaml; --from picks up from it.
Without a terminal (or with CI set) it refuses: use cnireport init, edit the file, then validate it.

Examples:
  $ cnireport interview                              # writes answers.yaml
  $ cnireport interview --from acme.yaml -o acme.yaml  # revisit a file, answers as defaults
  $ cnireport interview --from answers.draft.yaml    # pick up after Ctrl+C`,
    )
    .action(async (options: { from?: string; output: string }) => {
      const output = options.output;
      if (!terminal.interactive()) {
        throw noTerminal(output);
      }
      const { draft: prefill, problems } =
        options.from === undefined ? { draft: {}, problems: [] } : await loadAnswersDraft(options.from);
      const fromText = options.from === undefined ? undefined : await readFile(options.from, 'utf8');
      // A draft says where it stopped: the sections before are kept, not asked again.
      const resumeAt = fromText === undefined ? undefined : stoppedSection(fromText);
      // A file being revised (not a draft) is edited: its comments and the keys not asked about stay.
      const revised = fromText !== undefined && !isInterviewDraft(fromText) ? fromText : undefined;
      const dataset = defaultDataset();
      io.out(
        `cnireport interview: writes ${output}. Enter accepts the value in parentheses; Backspace on an ` +
          `empty line clears it; Ctrl+C stops and keeps a draft.\n`,
      );
      if (options.from !== undefined) io.out(`The answers in ${options.from} are the defaults.\n`);
      const resumeTitle = QUESTIONNAIRE.find((s) => s.key === resumeAt)?.title;
      if (resumeTitle !== undefined && resumeAt !== QUESTIONNAIRE[0]?.key) {
        io.out(
          `Picking up at ${resumeTitle}, where the draft stopped; the sections before keep their answers.\n`,
        );
      }
      if (problems.length > 0) {
        io.out(`${options.from} has answers that are not valid; their questions start from the default:\n`);
        io.out(problems.map((p) => `  ${p}\n`).join(''));
      }

      const { prompter, close } = terminal.open();
      let known: AnswersDraft = prefill;
      try {
        const given = await runInterview({
          prompter,
          dataset,
          prefill,
          ...(resumeAt === undefined ? {} : { resumeAt }),
        });
        known = given;
        const answersText =
          revised === undefined
            ? renderAnswersYaml({ schemaRef: SCHEMA_BESIDE, values: given })
            : reviseAnswersYaml(revised, prefill, given, dataset);
        const parsed = parseAnswersText(answersText, output);
        if (!parsed.ok) {
          const first = parsed.problems[0];
          throw new InternalError(`interview answers do not validate: ${first && formatProblem(first)}`);
        }
        io.out(`\n${paint(io.outColor, 'bold', 'Summary')}\n`);
        const ctx = askContext(given, dataset);
        io.out(summariseAnswers(parsed.answers, ctx.derivedNeeds, ctx.costDefaults).join('\n'));
        io.out(`\n\n${formatRecommendation(scoreAnswers(parsed.answers, dataset))}\n`);
        const target = await chooseTarget(prompter, output);
        await writeFileAtomic(target.file, answersText, { overwrite: target.overwrite });
        io.out(`wrote ${target.file}; next: cnireport generate ${target.file}\n`);
        await noteSchemaBeside(io, target.file);
        // The draft this interview picked up from has served its purpose once the answers are written.
        if (options.from !== undefined && resolve(options.from) === resolve(draftFileFor(output))) {
          await rm(options.from, { force: true });
        }
      } catch (error) {
        const stopped = error instanceof InterviewInterrupted ? error : undefined;
        const draftFile = draftFileFor(output);
        await writeFileAtomic(
          draftFile,
          renderAnswersYaml({
            schemaRef: SCHEMA_BESIDE,
            values: stopped?.draft ?? known,
            note: interviewDraftNote(stopped?.section.title, pickUp(draftFile, output)),
          }),
          { overwrite: true },
        );
        const cause = stopped?.cause ?? error;
        const exitCode = stopExitCode(cause);
        if (exitCode === undefined) {
          io.err(`the answers so far are in ${draftFile}\n`);
          throw cause;
        }
        const why = exitCode === 130 ? 'Ctrl+C' : exitCode === 143 ? 'SIGTERM' : 'the terminal closed';
        throw interviewStopped(why, draftFile, pickUp(draftFile, output), exitCode);
      } finally {
        close();
      }
    });
}

/** The command that picks a stopped interview up and writes where this one would have. */
function pickUp(draftFile: string, output: string): string {
  return `cnireport interview --from ${draftFile}${output === 'answers.yaml' ? '' : ` --output ${output}`}`;
}

/** `answers.yaml` → `answers.draft.yaml`, beside it. */
function draftFileFor(output: string): string {
  const ext = extname(output);
  return join(dirname(output), `${basename(output, ext)}.draft${ext === '' ? '.yaml' : ext}`);
}

/** 130 for Ctrl+C, 143 for SIGTERM, 129 for a terminal gone; undefined for anything else (a bug). */
function stopExitCode(cause: unknown): number | undefined {
  if (!(cause instanceof Error)) return undefined;
  if (cause.name === 'ExitPromptError') return 130;
  if (cause.name === 'AbortPromptError') return cause.cause === 'SIGTERM' ? 143 : 129;
  return undefined;
}

/** The output file, or another name the user gives: an existing file is replaced only when they say so. */
async function chooseTarget(
  prompter: Prompter,
  output: string,
): Promise<{ file: string; overwrite: boolean }> {
  let file = output;
  for (;;) {
    if (!existsSync(file)) return { file, overwrite: false };
    const replace = await prompter.confirm({
      id: 'output',
      message: `${file} exists. Replace it?`,
      default: false,
    });
    if (replace) return { file, overwrite: true };
    file = await prompter.text({
      id: 'output',
      message: 'Write the answers to',
      default: freeName(file),
      validate: (text) => (text.trim() === '' ? 'a file name (got nothing)' : true),
    });
    file = file.trim();
  }
}

/** `answers-2.yaml`, `answers-3.yaml`, …: the first that does not exist. */
function freeName(file: string): string {
  const ext = extname(file);
  const stem = join(dirname(file), basename(file, ext));
  for (let n = 2; ; n++) if (!existsSync(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
}

/** The schema the modeline names, next to the file; a file of that name that is not ours is left alone. */
async function noteSchemaBeside(io: CliIo, answersFile: string): Promise<void> {
  const { path, state } = await placeSchemaBeside(answersFile);
  if (state === 'foreign') {
    io.err(
      `${paint(io.errColor, 'yellow', 'note:')} ${path} is not a cnireport answers schema, so editors will not complete ${answersFile}; it was left as it is\n`,
    );
  }
}
