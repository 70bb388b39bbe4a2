import type { FuzzTarget, Outcome } from './fuzz-target.js';

/** Characters that rewrite a terminal or reorder a line: never echoed from a user's file into a message. */
const UNSAFE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u;
const STACK_LINE = /^ {4}at /m;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contentLineCount(content: string | Uint8Array): number {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  return text.split(/\r\n|\r|\n/).length;
}

/** Lines of a refusal: `file: what`, or `file: N problems` and N lines `file:line:col  path: what`. */
function refusalViolations(message: string, file: string, content: string | Uint8Array): string[] {
  const found: string[] = [];
  if (STACK_LINE.test(message)) found.push('stack trace in the message');
  if (/internal error/i.test(message)) found.push('"internal error" in the message');
  const unsafe = UNSAFE.exec(message.replaceAll('\n', ''));
  if (unsafe)
    found.push(`control or bidi character U+${unsafe[0].codePointAt(0)?.toString(16)} in the message`);
  // The CLI prefixes the first line with `error:` and may add a `hint:` line; the library message has neither.
  const lines = message
    .replace(/\n$/, '')
    .split('\n')
    .filter((l) => !l.startsWith('hint: '))
    .map((l, i) => (i === 0 ? l.replace(/^error: /, '') : l));
  const head = lines[0] ?? '';
  const f = escapeRegExp(file);
  const located = new RegExp(`^${f}:(\\d+):(\\d+)  \\S`);
  // One problem found after parsing (a brand file's logo) comes alone, located: `file:line:col  logo: what`.
  const alone = located.test(head);
  if (!head.startsWith(`${file}: `) && !alone)
    return [...found, `first line does not name the file: ${head.slice(0, 120)}`];
  const counted = new RegExp(`^${f}: (\\d+) problems?$`).exec(head);
  if (counted === null && (!alone || lines.length !== 1)) {
    if (lines.length !== 1) found.push(`a ${lines.length}-line message that is not a list of problems`);
    return found;
  }
  const problems = counted === null ? lines : lines.slice(1);
  if (counted !== null && Number(counted[1]) !== problems.length)
    found.push(`says ${counted[1]} problems, lists ${problems.length} lines`);
  const lineCount = contentLineCount(content);
  for (const line of problems) {
    const at = located.exec(line);
    if (at === null) found.push(`not a located problem: ${line.slice(0, 120)}`);
    else if (Number(at[1]) < 1 || Number(at[1]) > lineCount || Number(at[2]) < 1)
      found.push(`located outside the file (${lineCount} lines): ${line.slice(0, 120)}`);
  }
  return found.slice(0, 8);
}

/**
 * Every rule an outcome breaks; none means the case passed. How long a case took is not one of them (a busy
 * machine is not a defect): `npm run fuzz` prints the slowest case, and `npm run bench` times the worst shapes.
 */
export function outcomeViolations(
  target: FuzzTarget,
  outcome: Outcome,
  content: string | Uint8Array,
): string[] {
  const found: string[] = [];
  if (outcome.exit === 2) return [...found, `exit 2: ${outcome.message.slice(0, 2000)}`];
  if (outcome.exit === 0) {
    // Valid answers may come with warnings (implausible combinations), each located in the file; nothing else.
    const located = new RegExp(`^warning: ${escapeRegExp(target.file)}:(\\d+):(\\d+)  \\S`);
    const lineCount = contentLineCount(content);
    for (const line of outcome.message
      .replace(/\n$/, '')
      .split('\n')
      .filter((l) => l !== '')) {
      const at = located.exec(line);
      if (at === null) found.push(`exit 0 with stderr: ${line.slice(0, 200)}`);
      else if (Number(at[1]) < 1 || Number(at[1]) > lineCount || Number(at[2]) < 1)
        found.push(`warning located outside the file (${lineCount} lines): ${line.slice(0, 120)}`);
      else if (UNSAFE.test(line)) found.push(`control or bidi character in a warning: ${line.slice(0, 120)}`);
    }
    return [...found, ...target.checkValue(outcome.value)];
  }
  return [...found, ...refusalViolations(outcome.message, target.file, content)];
}
