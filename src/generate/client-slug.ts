import { createHash } from 'node:crypto';

/** Long enough for any real company name's gist, short enough for deep paths on Windows. */
export const MAX_SLUG_LENGTH = 48;

/** Names Windows refuses for a file or folder whatever follows them. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The folder name for a client's report: lowercase ASCII letters and digits in hyphen-joined words
 * (`Acme Bank AG` → `acme-bank-ag`, `Société Générale` → `societe-generale`). It can never be empty, a path
 * separator, `.` or `..`, or a name Windows reserves; a name with no Latin letters or digits gets a stable
 * hash instead, so two such clients still get different folders.
 */
export function clientSlug(client: string): string {
  const words = client
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  if (slug === '') return `client-${createHash('sha256').update(client).digest('hex').slice(0, 8)}`;
  return WINDOWS_RESERVED.test(slug) ? `${slug}-client` : slug;
}
