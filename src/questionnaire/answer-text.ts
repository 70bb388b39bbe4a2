/** A number as a prompt accepts it: digits with an optional sign, decimals and exponent. */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** `1,200` or `-1,000,000.5`: the en-US grouping the prompts themselves use to show ranges. */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The number a person typed, or undefined when the text is not one. Thousands separators are accepted as
 * the questions print them ("1 to 1,000,000"), so `1,200` means 1200; a comma anywhere else is not a number.
 */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replaceAll(',', ''));
  return undefined;
}

/**
 * The answer a typed text gives to a question: undefined for nothing typed (the key is left out), a number
 * where one is expected and the text is one, else the text as typed so the schema says what is wrong with it.
 */
export function answerFromText(text: string, numeric: boolean): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return numeric ? (numberFromText(trimmed) ?? trimmed) : trimmed;
}
