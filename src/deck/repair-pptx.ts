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
 * - the notes master loses the placeholder shapes PowerPoint removes as invalid (gitbrent/PptxGenJS#1443)
 *   and gets a theme of its own instead of sharing the slide master's, as PowerPoint writes it;
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
      if (path === '[Content_Types].xml') xml = withNotesTheme(dropPhantomOverrides(xml, paths));
      if (path === NOTES_MASTER) xml = MINIMAL_NOTES_MASTER;
      if (path === NOTES_MASTER_RELS) xml = xml.replace('../theme/theme1.xml', `../${NOTES_THEME.slice(4)}`);
      if (path === 'docProps/core.xml') xml = stampCoreDates(xml, isoDate);
      if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(path)) xml = notesParagraphs(xml);
      renamed.file(path, xml, { date, createFolders: false });
      if (path === 'ppt/theme/theme1.xml') renamed.file(NOTES_THEME, xml, { date, createFolders: false });
    } else if (path.endsWith('.xlsx')) {
      renamed.file(path, await stampWorkbook(await entry.async('uint8array'), isoDate, date), {
        date,
        createFolders: false,
      });
    } else {
      // Images are compressed already: deflating them again costs time and saves nothing.
      const compression = /\.(png|jpe?g)$/.test(path) ? 'STORE' : 'DEFLATE';
      renamed.file(path, await entry.async('uint8array'), { date, createFolders: false, compression });
    }
  }
  return renamed.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

const NOTES_MASTER = 'ppt/notesMasters/notesMaster1.xml';
const NOTES_MASTER_RELS = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
const NOTES_THEME = 'ppt/theme/theme2.xml';

/** A notes master with its background and an empty shape tree: notes pages take PowerPoint's default layout. */
const MINIMAL_NOTES_MASTER =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<p:notesMaster xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">' +
  '<p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>' +
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' +
  '</p:spTree></p:cSld>' +
  '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
  'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
  '<p:notesStyle><a:lvl1pPr marL="0" indent="0" algn="l"><a:spcAft><a:spcPts val="400"/></a:spcAft>' +
  '<a:defRPr sz="1100"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>' +
  '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:notesStyle>' +
  '</p:notesMaster>';

function withNotesTheme(xml: string): string {
  const override = `<Override PartName="/${NOTES_THEME}" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>`;
  return xml.includes(override) ? xml : xml.replace('</Types>', `${override}</Types>`);
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

/**
 * The notes master has no placeholders left to inherit from, so the notes page's slide image and text say
 * where they go themselves (where pptxgenjs's notes master put them, on its 7.5 × 10 in notes page).
 */
const NOTES_GEOMETRY = {
  sldImg:
    '<p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm></p:spPr>',
  body: '<p:spPr><a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm></p:spPr>',
} as const;

/** Spelled out on each paragraph: LibreOffice does not apply the notes master's style to them. */
const NOTES_PARAGRAPH = '<a:pPr marL="0" indent="0"><a:spcAft><a:spcPts val="400"/></a:spcAft></a:pPr>';

function notesParagraphs(xml: string): string {
  return xml
    .replace(
      '<p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/>',
      `<p:ph type="sldImg"/></p:nvPr></p:nvSpPr>${NOTES_GEOMETRY.sldImg}`,
    )
    .replace(
      '<p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>',
      `<p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>${NOTES_GEOMETRY.body}`,
    )
    .replace(
      /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/,
      (_whole, text: string) =>
        text
          .split(/\r?\n/)
          .map(
            (line) =>
              `<a:p>${NOTES_PARAGRAPH}<a:r><a:rPr lang="en-US" sz="1100" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
          )
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
