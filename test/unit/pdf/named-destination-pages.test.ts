import { PDFDocument, PDFName, type PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { namedDestinationPages } from '../../../src/pdf/named-destination-pages.js';

/** A destination as PDF writes it: [page /XYZ left top zoom]. */
type Destination = [PDFRef, PDFName, number, number, number];

/** A PDF of `pages` blank pages whose catalog gets what `addDestinations` puts there. */
async function pdfWith(
  pages: number,
  addDestinations: (doc: PDFDocument, at: (page: number) => Destination) => void,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  const at = (page: number): Destination => [doc.getPage(page - 1).ref, PDFName.of('XYZ'), 0, 200, 0];
  addDestinations(doc, at);
  return doc.save();
}

describe('namedDestinationPages', () => {
  it("reads the catalog's /Dests, as Chrome writes them, arrays and /D dictionaries alike", async () => {
    const pdf = await pdfWith(4, (doc, at) => {
      doc.catalog.set(
        PDFName.of('Dests'),
        doc.context.obj({
          summary: at(2),
          costs: doc.context.obj({ D: at(4) }),
          broken: [],
        }),
      );
    });
    expect(await namedDestinationPages(pdf)).toEqual(
      new Map([
        ['summary', 2],
        ['costs', 4],
      ]),
    );
  });

  it('reads a /Names /Dests name tree, with its leaves under /Kids', async () => {
    const pdf = await pdfWith(3, (doc, at) => {
      const leaf = (entries: [string, number][]) =>
        doc.context.register(
          doc.context.obj({ Names: entries.flatMap(([name, page]) => [PDFString.of(name), at(page)]) }),
        );
      const tree = doc.context.obj({
        Kids: [leaf([['intro', 1]]), leaf([['methodology', 3]])],
      });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: tree }));
    });
    expect(await namedDestinationPages(pdf)).toEqual(
      new Map([
        ['intro', 1],
        ['methodology', 3],
      ]),
    );
  });

  it('gives nothing for a PDF without named destinations', async () => {
    expect(await namedDestinationPages(await pdfWith(2, () => undefined))).toEqual(new Map());
  });
});
