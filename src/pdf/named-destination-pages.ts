import type { PDFDict, PDFDocument, PDFObject } from 'pdf-lib';

/** Name trees nest; a PDF that nests deeper than this is not one a browser wrote. */
const MAX_NAME_TREE_DEPTH = 32;

/**
 * The 1-based page each named destination of a PDF points at. Chrome writes one named destination for
 * every element a link inside the document targets, so a link to `#methodology` gives the page where the
 * element with that id starts. Chrome keeps them in the catalog's /Dests dictionary; the name tree under
 * /Names /Dests, where other writers keep them, is read too. Names not found are left out.
 */
export async function namedDestinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const lib = await import('pdf-lib');
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFString } = lib;
  const document: PDFDocument = await lib.PDFDocument.load(pdf, {
    updateMetadata: false,
    ignoreEncryption: true,
  });
  const pageOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const found = new Map<string, number>();

  const record = (name: string, value: PDFObject | undefined) => {
    const target = value === undefined ? undefined : document.context.lookup(value);
    // A destination is an array [page, /XYZ, …] or a dictionary holding one under /D.
    const array = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    if (!(array instanceof PDFArray) || array.size() === 0) return;
    const page = pageOf.get(array.get(0).toString());
    if (page !== undefined && !found.has(name)) found.set(name, page);
  };

  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) record(name.decodeText(), value);

  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (node === undefined || depth > MAX_NAME_TREE_DEPTH) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names !== undefined && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), names.get(i + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids !== undefined && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  const nameDictionary = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  walk(nameDictionary?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
  return found;
}
