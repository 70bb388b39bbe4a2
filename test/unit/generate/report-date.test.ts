import { describe, expect, it } from 'vitest';
import { reportDate } from '../../../src/generate/report-date.js';
import { CniError } from '../../../src/shared/errors.js';

const now = new Date(2027, 2, 5, 23, 30);

describe('reportDate', () => {
  it('takes the answers date first, whatever else is set', () => {
    expect(reportDate('2026-11-24', '0', now)).toBe('2026-11-24');
  });

  it('takes SOURCE_DATE_EPOCH as a UTC date when the answers give none', () => {
    expect(reportDate(undefined, '1764028800', now)).toBe('2025-11-25');
    expect(reportDate(undefined, '1764028799', now)).toBe('2025-11-24');
    expect(reportDate(undefined, ' 0 ', now)).toBe('1970-01-01');
  });

  it('falls back to the local calendar day of now, also when SOURCE_DATE_EPOCH is empty', () => {
    expect(reportDate(undefined, undefined, now)).toBe('2027-03-05');
    expect(reportDate(undefined, '', now)).toBe('2027-03-05');
  });

  it.each(['yesterday', '-1', '1.5', '1e9', '0x10', '999999999999'])(
    'refuses SOURCE_DATE_EPOCH=%s rather than dating the report today',
    (epoch) => {
      let error: unknown;
      try {
        reportDate(undefined, epoch, now);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CniError);
      expect((error as CniError).message).toContain(`SOURCE_DATE_EPOCH is "${epoch}"`);
    },
  );
});
