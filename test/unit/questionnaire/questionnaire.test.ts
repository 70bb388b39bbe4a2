import { describe, expect, it } from 'vitest';
import { answerKeys, keyNode, keyPath } from '../../../src/questionnaire/answer-keys.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { AnswersSchema } from '../../../src/schema/answers.js';

const questions = QUESTIONNAIRE.flatMap((s) => s.questions);

describe('QUESTIONNAIRE', () => {
  it('asks every key of the answers schema, once', () => {
    const asked = questions.map(keyPath);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.toSorted()).toEqual(answerKeys().map(keyPath).toSorted());
  });

  it('has no question without a key in the answers schema', () => {
    for (const question of questions) expect(() => keyNode(question), keyPath(question)).not.toThrow();
  });

  it('leaves out only the format version, a constant, and the optional stakeholders, a list written by hand', () => {
    const sections = Object.keys(AnswersSchema.shape);
    expect(sections.filter((s) => !QUESTIONNAIRE.some((q) => q.key === s))).toEqual([
      'version',
      'stakeholders',
    ]);
  });

  it('keeps the order of the answers file, sections and keys', () => {
    expect(questions.map(keyPath)).toEqual(answerKeys().map(keyPath));
  });

  it('puts each question in its own section', () => {
    for (const section of QUESTIONNAIRE)
      for (const question of section.questions) expect(question.section).toBe(section.key);
  });
});
