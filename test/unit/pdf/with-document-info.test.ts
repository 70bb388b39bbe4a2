import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withDocumentInfo } from '../../../src/pdf/with-document-info.js';
import { commandRuns, prerequisite } from '../../helpers/prerequisite.js';

const hasPdfinfo = prerequisite('poppler-utils (pdfinfo)', commandRuns('pdfinfo', ['-v']));

/** A PDF laid out as Skia writes one: a classic cross-reference table and trailer, an /Info dictionary. */
async function browserLikePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  doc.addPage([200, 200]);
  doc.setTitle('CNI recommendation for Zoë');
  doc.setCreator('Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0');
  doc.setProducer('Skia/PDF m156');
  doc.setCreationDate(new Date('2026-12-01T10:00:00Z'));
  doc.setModificationDate(new Date('2026-12-01T10:00:00Z'));
  return doc.save({ useObjectStreams: false });
}

describe('withDocumentInfo', () => {
  it('appends an update that sets title, author and creator, keeping the producer, the dates and every page', async () => {
    const original = await browserLikePdf();
    const updated = withDocumentInfo(original, {
      title: 'CNI recommendation for Zoë’s Café 🚀',
      author: 'Jane Roe, Example (Consulting)',
      creator: 'cnireport 0.1.0',
    });
    // An incremental update: the browser's bytes are all still there, first.
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const doc = await PDFDocument.load(updated, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe('CNI recommendation for Zoë’s Café 🚀');
    expect(doc.getAuthor()).toBe('Jane Roe, Example (Consulting)');
    expect(doc.getCreator()).toBe('cnireport 0.1.0');
    expect(doc.getProducer()).toBe('Skia/PDF m156');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('leaves the Author out when there is none', async () => {
    const updated = withDocumentInfo(await browserLikePdf(), { title: 't', creator: 'cnireport 0.1.0' });
    const doc = await PDFDocument.load(updated, { updateMetadata: false });
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getCreator()).toBe('cnireport 0.1.0');
  });

  it.runIf(hasPdfinfo)('is read the same by poppler, whose reader follows the update', async () => {
    const updated = withDocumentInfo(await browserLikePdf(), {
      title: 'Zoë',
      author: 'Jane Roe',
      creator: 'cnireport 0.1.0',
    });
    const info = execFileSync('pdfinfo', ['-'], { input: updated, encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Zoë$/m);
    expect(info).toMatch(/^Author:\s+Jane Roe$/m);
    expect(info).toMatch(/^Creator:\s+cnireport 0\.1\.0$/m);
    expect(info).toMatch(/^Producer:\s+Skia\/PDF m156$/m);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).not.toMatch(/Syntax (Error|Warning)/);
  });

  it('returns a PDF without a classic trailer (cross-reference streams) as it is', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = await doc.save({ useObjectStreams: true });
    expect(withDocumentInfo(streams, { title: 't', creator: 'c' })).toBe(streams);
  });
});
