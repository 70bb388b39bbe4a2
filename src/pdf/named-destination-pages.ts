import type { PDFDocument, PDFObject } from 'pdf-lib';

/**
 * The 1-based page each named destination of a PDF points at. Chrome writes one named destination
 * (in the catalog's /Dests) for every element a link inside the document targets, so a link to
 * `#methodology` gives the page where the element with that id starts. Names not found are left out.
 */
export async function namedDestinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const { PDFArray, PDFDict, PDFDocument, PDFName } = await import('pdf-lib');
  const document: PDFDocument = await PDFDocument.load(pdf, {
    updateMetadata: false,
    ignoreEncryption: true,
  });
  const pageOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const found = new Map<string, number>();
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests === undefined) return found;
  for (const [name, value] of dests.entries()) {
    const target = document.context.lookup(value);
    // A destination is an array [page, /XYZ, …] or a dictionary holding one under /D.
    const array: PDFObject | undefined = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    if (!(array instanceof PDFArray) || array.size() === 0) continue;
    const page = pageOf.get(array.get(0).toString());
    if (page !== undefined) found.set(name.decodeText(), page);
  }
  return found;
}
