/**
 * stderr without generate's notes to the consultant about placeholder figures (one line per report whose
 * answers leave, say, the Isovalent price at its placeholder default), for tests about other messages.
 */
export function withoutPlaceholderNotes(stderr: string): string {
  return stderr.replace(/^note: [^\n]*: assumptions\.\w+ is a placeholder[^\n]*\n/gm, '');
}
