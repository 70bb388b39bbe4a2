import JSZip from 'jszip';

/**
 * Rewrites the package pptxgenjs 4.0.1 writes so that the same deck gives the same bytes, and so that it
 * carries none of the package-level defects known upstream:
 * - every zip entry, and the created/modified dates of the deck and of each chart's embedded workbook, get
 *   the report date instead of the clock;
 * - charts and their workbooks are numbered from 1 in each deck: pptxgenjs numbers them with a counter
 *   that lives as long as the process, so the second deck of a batch would name them chart3, chart4 …;
 * - [Content_Types].xml loses the overrides for slide masters that are never written (one per slide:
 *   gitbrent/PptxGenJS#1444, which makes PowerPoint offer to repair the file) and says image/jpeg for .jpg;
 * - speaker notes become one paragraph per line instead of one run with line breaks inside.
 */
export async function repairPptx(pptx: Uint8Array, isoDate: string): Promise<Uint8Array> {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const zip = await JSZip.loadAsync(pptx);

  const renames = new Map<string, string>([
    ...numbering(zip, /^ppt\/charts\/chart(\d+)\.xml$/, (n) => `chart${n}.xml`),
    ...numbering(
      zip,
      /^ppt\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/,
      (n) => `Microsoft_Excel_Worksheet${n}.xlsx`,
    ),
  ]);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const paths = new Set(entries.map((entry) => renameParts(entry.name, renames)));
  const renamed = new JSZip();
  for (const entry of entries) {
    const path = renameParts(entry.name, renames);
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) {
      let xml = renameParts(await entry.async('string'), renames);
      if (path === '[Content_Types].xml') xml = dropPhantomOverrides(xml, paths);
      if (path === 'docProps/core.xml') xml = stampCoreDates(xml, isoDate);
      if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(path)) xml = notesParagraphs(xml);
      renamed.file(path, xml, { date, createFolders: false });
    } else if (path.endsWith('.xlsx')) {
      renamed.file(path, await stampWorkbook(await entry.async('uint8array'), isoDate, date), { date, createFolders: false });
    } else {
      renamed.file(path, await entry.async('uint8array'), { date, createFolders: false });
    }
  }
  return renamed.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

/** Old file name → new, numbering the matching parts 1, 2, … in their numeric order. */
function numbering(zip: JSZip, pattern: RegExp, name: (n: number) => string): [string, string][] {
  const found = Object.keys(zip.files)
    .map((path) => ({ path, n: Number(pattern.exec(path)?.[1]) }))
    .filter(({ n }) => Number.isInteger(n))
    .sort((a, b) => a.n - b.n);
  return found.map(({ n }, i) => [name(n), name(i + 1)]);
}

function renameParts(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return text;
  return text.replace(
    /\b(chart\d+\.xml|Microsoft_Excel_Worksheet\d+\.xlsx)/g,
    (name) => renames.get(name) ?? name,
  );
}

function dropPhantomOverrides(xml: string, paths: ReadonlySet<string>): string {
  return xml
    .replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
      paths.has(part) ? override : '',
    )
    .replace('Extension="jpg" ContentType="image/jpg"', 'Extension="jpg" ContentType="image/jpeg"');
}

function stampCoreDates(xml: string, isoDate: string): string {
  return xml.replace(
    /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g,
    `$1${isoDate}T00:00:00Z$2`,
  );
}

function notesParagraphs(xml: string): string {
  return xml.replace(
    /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
    (_whole, text: string) =>
      text
        .split(/\r?\n/)
        .map((line) => `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`)
        .join(''),
  );
}

/** A chart's embedded workbook, with the report date in place of the clock's. */
async function stampWorkbook(xlsx: Uint8Array, isoDate: string, date: Date): Promise<Uint8Array> {
  const book = await JSZip.loadAsync(xlsx);
  const stamped = new JSZip();
  for (const entry of Object.values(book.files)) {
    if (entry.dir) continue;
    if (entry.name === 'docProps/core.xml') {
      const xml = (await entry.async('string')).replace(
        /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g,
        `$1${isoDate}T00:00:00Z$2`,
      );
      stamped.file(entry.name, xml, { date, createFolders: false });
    } else {
      stamped.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
    }
  }
  return stamped.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
