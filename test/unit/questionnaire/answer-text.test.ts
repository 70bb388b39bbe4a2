import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerFromText, numberFromText } from '../../../src/questionnaire/answer-text.js';

describe('numberFromText', () => {
  it('reads a number as the prompts print one (en-US thousands separators) and as typed plainly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(numberFromText(n.toLocaleString('en-US'))).toBe(n);
        expect(numberFromText(String(n))).toBe(n);
      }),
    );
    expect(numberFromText('1,200.5')).toBe(1200.5);
    expect(numberFromText(' 1e3 ')).toBe(1000);
  });

  it.each(['1,2', '12,00', '1,2000', ',100', '100,', '1,,000', '1.000,5', '12 nodes', 'many', ''])(
    'refuses %j: a comma anywhere but between groups of three is not a number',
    (text) => expect(numberFromText(text)).toBeUndefined(),
  );
});

describe('answerFromText', () => {
  it('leaves out nothing typed, reads numbers where they go, keeps other text for the schema to refuse', () => {
    expect(answerFromText('  ', true)).toBeUndefined();
    expect(answerFromText('1,200', true)).toBe(1200);
    expect(answerFromText('1,200', false)).toBe('1,200');
    expect(answerFromText('twelve', true)).toBe('twelve');
  });
});
