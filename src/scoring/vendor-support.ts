import type { Dataset, SupportLevel } from '../schema/dataset.js';
import { platformSupportNote } from '../words/vendor-support-text.js';
import type { Cni, Situation } from './derive-situation.js';

/**
 * Vendor support that comes with the client's platforms for a CNI: built-in when every platform's vendor supports
 * it, partial when some do or only in part; null when none does (the capability data's own level stands).
 */
export function vendorSupportOn(
  dataset: Dataset,
  platforms: readonly Situation['cluster']['platforms'][number][],
  cni: Cni,
  clouds: readonly Situation['cluster']['clouds'][number][],
): { level: SupportLevel; note: string; source: string } | null {
  const found = platforms.map((id) => {
    const platform = dataset.platforms.find((p) => p.id === id);
    const entry = platform?.supports.find(
      (s) => s.cni === cni && (s.clouds === undefined || s.clouds.some((c) => clouds.includes(c))),
    );
    return { name: platform?.name ?? id, entry };
  });
  const supported = found.flatMap((f) => (f.entry === undefined ? [] : [{ name: f.name, entry: f.entry }]));
  if (supported.length === 0) return null;
  const full = supported.length === found.length && supported.every((s) => s.entry.level === 'built-in');
  const missing = found.filter((f) => f.entry === undefined).map((f) => f.name);
  return {
    level: full ? 'built-in' : 'partial',
    note: platformSupportNote(
      supported.map((s) => ({ vendor: s.entry.vendor, platform: s.name, note: s.entry.note })),
      missing,
    ),
    source: [...new Set(supported.map((s) => s.entry.source))].join(' ; '),
  };
}
