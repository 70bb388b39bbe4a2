import { badSourceDateEpoch } from '../shared/error-catalogue.js';

/**
 * The date printed on the report, YYYY-MM-DD: the answers' own date; else SOURCE_DATE_EPOCH (seconds since
 * 1970, read as UTC, per reproducible-builds.org), so rebuilt reports match byte for byte; else `now` in the
 * local time zone, the day the consultant sees on their calendar. A malformed SOURCE_DATE_EPOCH is an error,
 * never silently replaced by today.
 */
export function reportDate(
  answersDate: string | undefined,
  sourceDateEpoch: string | undefined,
  now: Date,
): string {
  if (answersDate !== undefined) return answersDate;
  const epoch = sourceDateEpoch?.trim();
  if (epoch !== undefined && epoch !== '') {
    const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : Number.NaN;
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
      throw badSourceDateEpoch(sourceDateEpoch);
    }
    return date.toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
