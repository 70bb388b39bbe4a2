/** What is known of a FIPS 140-3 validated module for the encryption that meets a need. */
export interface FipsFact {
  /** `confirm`: it can run in a validated module, which the vendor and the assessor must confirm. */
  readonly status: 'validated' | 'confirm' | 'not-approved';
  /** The data's note on the module, if it has one. */
  readonly note: string | null;
}

/** The sentence added to the encryption's note where FIPS 140-3 validated cryptography is required. */
export function fipsText(fact: FipsFact): string {
  const said = fact.note?.trim() ?? 'No FIPS 140-3 validated module for this encryption could be confirmed.';
  return fact.status === 'confirm'
    ? `${said} Confirm the module and its certificate with the vendor and the assessor before relying on it.`
    : said;
}
