/** What a PDF's document information dictionary says about it (PDF 32000-1 §14.3.3). */
export interface DocumentInfo {
  readonly title: string;
  /** Who wrote the document's content: the report's "prepared by". */
  readonly author?: string;
  /** The application that made the document from its original form. */
  readonly creator: string;
}

/** Entries of the browser's dictionary that are kept as they are: which library wrote the PDF, and when. */
const KEPT = ['Producer', 'CreationDate', 'ModDate'] as const;

/**
 * The PDF with its document information replaced by `info`, as an incremental update appended to the file
 * (PDF 32000-1 §7.5.6): the browser's bytes stay as they are, tags, outline and links included, and a new
 * version of the information dictionary follows them with its own cross-reference section. Chrome otherwise
 * names its user agent as the Creator and no Author. The producer and dates the browser wrote are kept.
 *
 * A PDF without a classic trailer naming its information dictionary (not one Chrome writes) is returned as
 * it is: its metadata is the browser's, the document is unharmed.
 */
export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Uint8Array {
  // The tail holds the last trailer and startxref; latin1 keeps one character per byte.
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 4096))).toString('latin1');
  const trailerAt = tail.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailerAt < 0 || startxref === null) return pdf;
  const trailer = tail.slice(trailerAt, startxref.index);
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const root = /\/Root\s+\d+\s+\d+\s+R/.exec(trailer)?.[0];
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  if (infoRef === null || root === undefined || size === undefined) return pdf;
  const number = infoRef[1] ?? '';
  const generation = infoRef[2] ?? '';
  const old = oldDictionary(pdf, `${number} ${generation} obj`);

  const entries = [
    `/Title ${pdfText(info.title)}`,
    ...(info.author === undefined ? [] : [`/Author ${pdfText(info.author)}`]),
    `/Creator ${pdfText(info.creator)}`,
    // Literal strings of plain ASCII without parentheses (as Skia writes its name and the dates), or hex
    // strings: copied as they are.
    ...KEPT.flatMap((key) => {
      const value = new RegExp(`/${key}\\s*(\\([ -'*-~]*\\)|<[0-9A-Fa-f\\s]*>)`).exec(old)?.[1];
      return value === undefined ? [] : [`/${key} ${value}`];
    }),
  ];
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0];
  const object = `\n${number} ${generation} obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = pdf.length + Buffer.byteLength(object, 'latin1');
  const entry = `${String(pdf.length + 1).padStart(10, '0')} ${generation.padStart(5, '0')} n \n`;
  const update =
    `${object}xref\n${number} 1\n${entry}` +
    `trailer\n<</Size ${size}\n${root}\n/Info ${number} ${generation} R${id === undefined ? '' : `\n${id}`}\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** The text of the object `header` ("1 0 obj") up to its endobj, or '' when it is not found. */
function oldDictionary(pdf: Uint8Array, header: string): string {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let at = bytes.indexOf(`\n${header}`, 0, 'latin1');
  if (at < 0 && bytes.subarray(0, header.length).toString('latin1') === header) at = 0;
  if (at < 0) return '';
  const end = bytes.indexOf('endobj', at, 'latin1');
  return bytes.subarray(at, end < 0 ? at + 4096 : end).toString('latin1');
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex, which holds any Unicode text. */
function pdfText(text: string): string {
  const bytes = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}
