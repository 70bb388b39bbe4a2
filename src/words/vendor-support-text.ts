/** What each platform's vendor supports of the CNI, and where none does: one note for the capability. */
export function platformSupportNote(
  supported: readonly { readonly vendor: string; readonly platform: string; readonly note: string }[],
  unsupportedOn: readonly string[],
): string {
  const notes = supported.map((s) => `${s.vendor} on ${s.platform}: ${s.note}`);
  if (unsupportedOn.length > 0) notes.push(`No vendor support on ${unsupportedOn.join(' or ')}.`);
  return notes.join(' ');
}
