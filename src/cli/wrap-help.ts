/** Columns the help texts fit in: a terminal of 100 columns shows every line whole. */
export const HELP_WIDTH = 100;

/** Commander's section headings and the usage line: each stands on its own line. */
const STANDALONE = /^(Usage: |[A-Z][A-Za-z ]*:$)/;

/**
 * Help text with each paragraph of prose (consecutive unindented lines, as the commands' closing notes are
 * written in the source) reflowed, and every line longer than `width` broken at spaces, each continuation
 * indented as the line it continues; a line with no space to break at stays as it is. Indented lines (options,
 * commands, examples with their `$ ` and comment) keep their own line breaks.
 */
export function wrapHelp(text: string, width = HELP_WIDTH): string {
  return joinProse(text.split('\n'))
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function isProse(line: string): boolean {
  return line !== '' && !/^\s/.test(line) && !STANDALONE.test(line);
}

function joinProse(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (index > 0 && isProse(line) && isProse(lines[index - 1] ?? '')) {
      joined[joined.length - 1] = `${joined[joined.length - 1]} ${line}`;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const lines: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= indent.length) break;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = `${indent}${rest.slice(cut + 1).trimStart()}`;
  }
  lines.push(rest);
  return lines;
}
