import { uncoveredCharacters } from '../render/uncovered-characters.js';
import type { ReportSources } from '../report/report-sources.js';

/**
 * The consultant's to-dos for one report: each default figure that is only a placeholder (the report calls
 * it indicative), and any character of the HTML the bundled font lacks (it shows only where the reader's
 * system has a font for it).
 */
export function consultantNotes(sources: ReportSources, html: string | null): string[] {
  const client = sources.result.engagement.client;
  const notes = sources.result.assumptions
    .filter((a) => a.kind === 'placeholder' && a.origin === 'default')
    .map(
      (a) =>
        `${client}: assumptions.${a.key} is a placeholder, which the report calls an indicative figure with no ` +
        `vendor quote yet; set it to the vendor's quote`,
    );
  const missing = html === null ? [] : uncoveredCharacters(html);
  if (missing.length > 0) {
    const list = missing
      .map(
        (c) =>
          `${c} (${Array.from(c, (ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(' ')})`,
      )
      .join(', ');
    notes.push(
      `${client}: the report font lacks ${list}; the HTML and PDF show ${missing.length === 1 ? 'it' : 'them'} ` +
        'only where the reader has a system font for it',
    );
  }
  return notes;
}
