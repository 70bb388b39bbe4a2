/**
 * An SVG as a reviewer reads it in a diff: one element a line, indented by depth (a `<text>` stays whole on its
 * line), and every number cut to 3 decimals, so a golden's diff shows which mark moved and by how much instead
 * of one changed line of 20 KB. Rounding to 3 decimals of a pixel hides nothing a reader could see.
 */
export function normaliseSvg(svg: string): string {
  const rounded = svg.replace(/-?\d+\.\d{4,}/g, (n) => String(Number(Number(n).toFixed(3))));
  const tokens = rounded.match(/<text\b[^>]*>[^<]*<\/text>|<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (!token.startsWith('<')) {
      if (token.trim() !== '') lines.push(`${'  '.repeat(depth)}${token.trim()}`);
      continue;
    }
    if (token.startsWith('</')) depth = Math.max(0, depth - 1);
    lines.push(`${'  '.repeat(depth)}${token}`);
    const opens =
      !token.startsWith('</') &&
      !token.endsWith('/>') &&
      !token.startsWith('<text') &&
      !token.startsWith('<?');
    if (opens) depth += 1;
  }
  return `${lines.join('\n')}\n`;
}
