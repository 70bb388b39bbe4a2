import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDataReport } from '../../../src/cli/format-data-report.js';
import { run } from '../../../src/cli/main.js';
import { staleDataWarning } from '../../../src/generate/stale-data-warning.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('staleDataWarning', () => {
  it('is silent up to six calendar months after the facts were verified, and warns the day after', () => {
    expect(staleDataWarning('2026-12-01', '2026-12-01')).toBeNull();
    expect(staleDataWarning('2026-12-01', '2027-06-01')).toBeNull();
    expect(staleDataWarning('2026-12-01', '2027-06-02')).toMatch(
      /last verified on 2026-12-01, more than 6 months before the report date 2027-06-02/,
    );
    // A day past the end of the later month counts from that month's last day.
    expect(staleDataWarning('2026-08-31', '2027-02-28')).toBeNull();
    expect(staleDataWarning('2026-08-31', '2027-03-01')).not.toBeNull();
    // A report dated before the data (a re-run of an old engagement) is not stale.
    expect(staleDataWarning('2026-12-01', '2025-01-15')).toBeNull();
  });

  it('once it warns, warns for every later report date', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (verified, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (staleDataWarning(verified, early) !== null)
          expect(staleDataWarning(verified, late)).not.toBeNull();
      }),
    );
  });
});

describe('the data set says how fresh it is', () => {
  const dataset = defaultDataset();

  it('records when its facts were verified, and cnireport data prints it', () => {
    expect(dataset.meta.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(formatDataReport(dataset)).toContain(`facts verified ${dataset.meta.verifiedOn}`);
  });

  it('prints every month of exchange rates it ships, and the months it does not', () => {
    const text = formatDataReport(dataset);
    for (const m of dataset.currencies.months)
      expect(text).toContain(`  ${m.month} (${m.days} days): USD ${m.perEur.USD}`);
    expect(text).toContain('not shipped:');
  });
});

describe('generate', () => {
  it('warns the consultant on stderr when the report date is more than six months after the data was verified', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cnireport-stale-'));
    try {
      const example = await readFile('examples/small-team-basic.yaml', 'utf8');
      const answers = join(dir, 'answers.yaml');
      await writeFile(answers, example.replace(/^(\s*date:\s*).*$/m, '$1"2029-01-15"'));
      let err = '';
      const io = { out: () => {}, err: (t: string) => (err += t), outColor: false, errColor: false };
      const code = await run(
        ['node', 'cnireport', 'generate', answers, '--out', dir, '--format', 'json'],
        io,
      );
      expect(code).toBe(0);
      expect(err).toMatch(
        /warning: the data's facts were last verified on \d{4}-\d{2}-\d{2}, more than 6 months/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
