/** Columns the help texts fit in: a terminal of 100 columns shows every line whole. */
export const HELP_WIDTH = 100;

/**
 * Help text with every line longer than `width` broken at spaces, each continuation indented as the line
 * it continues; a line with no space to break at stays as it is. Example lines keep their `$ ` and comment.
 */
export function wrapHelp(text: string, width = HELP_WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
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
