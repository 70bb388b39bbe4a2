import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { askContext } from '../../../src/questionnaire/ask-context.js';
import { questionHelp, resolveText } from '../../../src/questionnaire/question-help.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { NEED_KEYS } from '../../../src/schema/answers.js';
import { workshopForm } from '../../../src/workshop/workshop-form.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

describe('a need is named alike in the question and in the report', () => {
  const dataset = defaultDataset();
  const blank = askContext({}, dataset);
  const needQuestions = QUESTIONNAIRE.find((s) => s.key === 'needs')?.questions ?? [];
  const result = score(exampleAnswers('regulated-bank'), undefined, { draws: 200 });
  const reportName = (key: string) => result.needs.find((n) => n.capability === key)?.name;

  it('the interview asks each need by the name result.json (and so the tables, charts and deck) gives it', () => {
    expect(needQuestions.map((q) => q.key)).toEqual([...NEED_KEYS]);
    for (const q of needQuestions) {
      expect(resolveText(q.message, blank)).toBe(reportName(q.key));
      // and whatever has been answered: the name is the data's, not the draft's
      expect(resolveText(q.message, askContext(exampleAnswers('regulated-bank'), dataset))).toBe(
        reportName(q.key),
      );
    }
  });

  it('the workshop page labels each need input the same way before anything is answered', () => {
    const fields = workshopForm(blank).sections.flatMap((s) => s.fields);
    for (const key of NEED_KEYS)
      expect(fields.find((f) => f.name === `needs.${key}`)?.label).toBe(reportName(key));
  });

  it('the help says why the need matters, in the words of data/capabilities.yaml', () => {
    for (const q of needQuestions) {
      const why = dataset.capabilities.find((c) => c.id === q.key)?.why ?? 'missing';
      expect(questionHelp(q, blank).startsWith(why)).toBe(true);
    }
  });
});
