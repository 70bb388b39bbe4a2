/** How long the data's facts are trusted without a re-check: CNI projects ship minors every few months. */
const TRUSTED_MONTHS = 6;

/**
 * A warning for the consultant when a report is dated more than six months after the data's facts were last
 * verified (meta.verifiedOn), else null. Both dates are YYYY-MM-DD; the months are calendar months, so a day of the
 * month past the end of the later month counts from that month's last day (2026-08-31 + 6 months = 2027-02-28).
 */
export function staleDataWarning(verifiedOn: string, reportDate: string): string | null {
  const [year, month, day] = verifiedOn.split('-').map(Number) as [number, number, number];
  const lastDayOfTarget = new Date(Date.UTC(year, month - 1 + TRUSTED_MONTHS + 1, 0)).getUTCDate();
  const trustedUntil = new Date(Date.UTC(year, month - 1 + TRUSTED_MONTHS, Math.min(day, lastDayOfTarget)))
    .toISOString()
    .slice(0, 10);
  if (reportDate <= trustedUntil) return null;
  return (
    `the data's facts were last verified on ${verifiedOn}, more than ${TRUSTED_MONTHS} months before the report ` +
    `date ${reportDate}; releases and prices may have changed, so check for a newer cnireport before relying on it`
  );
}
