import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeTcoWorkbook } from '../../../src/workbook/write-tco-workbook.js';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

async function workbookOf(example: string) {
  const sources = reportSources(exampleAnswers(example), { draws: 50 });
  const bytes = await writeTcoWorkbook(sources.result, sources.stamp.date);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return { sources, bytes, book };
}

function formulas(sheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { formula?: string } | null;
      if (value !== null && typeof value === 'object' && typeof value.formula === 'string')
        found.push(value.formula);
    }),
  );
  return found;
}

describe('the result’s costing', () => {
  it.each(['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'])(
    'holds the stack each option of %s was costed with',
    (example) => {
      const { result } = reportSources(exampleAnswers(example), { draws: 50 });
      expect(result.costing.plans.map((p) => p.option).sort()).toEqual(
        result.options.map((o) => o.id).sort(),
      );
      for (const option of result.options) {
        const plan = result.costing.plans.find((p) => p.option === option.id);
        expect(
          plan?.addons.map((a) => a.name),
          option.id,
        ).toEqual(option.stack.addons.map((a) => a.name));
        expect(
          plan?.newAddons.map((a) => a.name),
          option.id,
        ).toEqual(option.stack.addons.filter((a) => a.isNew).map((a) => a.name));
        expect(plan?.movesSidecars, option.id).toBe(option.stack.movesSidecars);
        expect(plan?.migratesCni, option.id).toBe(option.migration.cniHours > 0);
      }
      if (result.baseline.option !== null)
        expect(result.costing.baseline.option).toBe(result.baseline.option);
      expect(result.costing.baseline.newAddons).toEqual([]);
    },
  );
});

describe('writeTcoWorkbook', () => {
  it('names every input on the Assumptions sheet, with its value, range and source', async () => {
    const { sources, book } = await workbookOf('regulated-bank');
    const assumptions = book.getWorksheet('Assumptions');
    if (assumptions === undefined) throw new Error('no Assumptions sheet');
    for (const p of sources.result.assumptions) {
      const [range] = book.definedNames.getRanges(p.key).ranges;
      expect(range, p.key).toMatch(/^'?Assumptions'?!\$B\$\d+$/);
      const row = assumptions.getRow(Number(range?.replace(/^.*\$/, '')));
      // result.json rounds the values it reports; the workbook holds the ones the engine computed with.
      const close = (cell: number, value: number) =>
        Math.abs(Number(row.getCell(cell).value) - value) <= 1e-4 * Math.abs(value);
      expect(close(2, p.value) && close(4, p.low) && close(5, p.high), p.key).toBe(true);
      expect(row.getCell(8).value, p.key).toBe(p.source);
    }
    for (const name of [
      'Clusters',
      'Nodes',
      'Services',
      'GrowthPercent',
      'Sidecars',
      'Engineers',
      'PerUsd',
    ]) {
      expect(book.definedNames.getRanges(name).ranges, name).toHaveLength(1);
    }
  });

  it('reads "1 day", not "1 days": a unit follows its value, and the client’s edit of it', async () => {
    const { book } = await workbookOf('small-team-basic');
    const assumptions = book.getWorksheet('Assumptions');
    if (assumptions === undefined) throw new Error('no Assumptions sheet');
    const rowOf = (name: string) =>
      assumptions.getRow(Number(book.definedNames.getRanges(name).ranges[0]?.replace(/^.*\$/, '')));
    const days = rowOf('addonTrainingDaysPerEngineer');
    expect(days.getCell(2).value).toBe(1);
    expect(days.getCell(3).value).toEqual({
      formula: `IF(B${days.number}=1,"day per engineer per new add-on","days per engineer per new add-on")`,
      result: 'day per engineer per new add-on',
    });
    expect(rowOf('Clusters').getCell(3).value).toMatchObject({ result: 'cluster' });
  });

  it('builds each option from the named inputs, Summary from the option sheets, Summary first', async () => {
    const { sources, book } = await workbookOf('scaleup-sidecar-cost');
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Summary', 'Assumptions']);
    // Summary, Assumptions, each option and the status quo.
    expect(book.worksheets).toHaveLength(3 + sources.result.options.length);
    expect(book.worksheets.at(-1)?.name).toBe('Today, unchanged');
    for (const sheet of book.worksheets.slice(2)) {
      const all = formulas(sheet).join(' ');
      for (const name of [
        'engineerCostPerYear',
        'vcpuHourPrice',
        'memoryGbHourPrice',
        'Nodes',
        'GrowthPercent',
      ]) {
        expect(all, `${sheet.name} uses ${name}`).toContain(name);
      }
      expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
    }
    const summary = formulas(book.getWorksheet('Summary') as ExcelJS.Worksheet);
    expect(summary).toHaveLength(
      (sources.result.options.length + 1) * (sources.result.engagement.horizonYears + 1),
    );
    expect(summary.every((f) => /^'[^']+'!\w+\d+$/.test(f))).toBe(true);
  });

  it('is the same file for the same answers and date', async () => {
    const first = await workbookOf('small-team-basic');
    await workbookOf('regulated-bank');
    const again = await workbookOf('small-team-basic');
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });
});
