import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import {
  captureIsDirectory,
  damagedGzip,
  notCapture,
  unreadable as unreadableFile,
} from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';
import { CAPTURE_HEADERS, captureLineFacts } from './capture-command.js';
import { captureRanges } from './capture-ranges.js';
import { addToTally, type ClusterTally, emptyTally } from './cluster-tally.js';
import { JsonListSplitter, JsonSyntaxError } from './json-list-splitter.js';
import { parsedJsonView } from './json-view.js';
import { KubectlListSplitter, looksLikeKubectlList, NotKubectlLayout } from './kubectl-list-splitter.js';
import { addObject } from './read-kubectl-range.js';
import { readRanges } from './read-ranges.js';

/** A file that cannot be read: as for answers files, and a gzip stream that breaks off. */
function unreadable(file: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return damagedGzip(file, error);
  return unreadableFile(file, error);
}

/** Reads a stream chunk by chunk into the format's parser, which the first bytes decide. */
interface CaptureParser {
  push(chunk: Buffer): void;
  end(): void;
}

/** kind and apiVersion of the List the items came in: a List of any kind (PodList too) is accepted. */
function checkList(file: string, tally: ClusterTally, kind: unknown, apiVersion: unknown): void {
  if (typeof kind !== 'string' || !kind.endsWith('List'))
    throw notCapture(
      file,
      `a JSON object of kind ${typeof kind === 'string' ? JSON.stringify(kind) : '(none)'}, not a List`,
    );
  if (apiVersion === undefined) throw notCapture(file, 'a List without apiVersion');
  if (tally.nodes.length === 0)
    throw notCapture(file, 'a List without nodes (the capture must include nodes)');
}

/** kubectl's own layout, read fast (see KubectlListSplitter); NotKubectlLayout sends the caller to jsonParser. */
function kubectlListParser(file: string, tally: ClusterTally): CaptureParser {
  const splitter = new KubectlListSplitter(addObject(tally));
  return {
    push: (chunk) => splitter.push(chunk),
    end: () => {
      const list = splitter.end();
      checkList(file, tally, list?.kind, list?.apiVersion);
    },
  };
}

function jsonParser(file: string, tally: ClusterTally): CaptureParser {
  const add = addObject(tally);
  const splitter = new JsonListSplitter((json, offset) => {
    let object: unknown;
    try {
      object = JSON.parse(json);
    } catch (error) {
      const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      throw notCapture(file, `not valid JSON at byte ${offset + Number(at ?? 0)}`);
    }
    add(parsedJsonView(object));
  });
  return {
    push: (chunk) => splitter.push(chunk),
    end: () => {
      splitter.end();
      checkList(file, tally, splitter.topLevel.kind, splitter.topLevel.apiVersion);
    },
  };
}

function lineParser(file: string, tally: ClusterTally): CaptureParser {
  let rest = '';
  let line = 0;
  const decoder = new StringDecoder('utf8');
  const take = (text: string) => {
    line += 1;
    if (line === 1) {
      if (!CAPTURE_HEADERS.includes(text.replace(/\r$/, '')))
        throw notCapture(file, 'an unknown capture format');
      return;
    }
    const facts = captureLineFacts(text.replace(/\r$/, ''));
    if (facts === 'unknown') throw notCapture(file, `line ${line} is not a line of a capture`);
    if (facts !== null) addToTally(tally, facts);
  };
  return {
    push: (chunk) => {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) take(l);
    },
    end: () => {
      if (rest !== '') take(rest);
      if (tally.nodes.length === 0) throw notCapture(file, 'a capture without nodes');
    },
  };
}

const GZIP = [0x1f, 0x8b];
/** Enough of a file's start to tell gzip and kubectl's layout apart. */
const HEAD_BYTES = 64;

/**
 * One cluster's capture, read as a stream: the printed command's lines or kubectl's JSON List, either of
 * them gzipped. Every object is cut down to its facts as it is read (see objectFacts). A List in kubectl's
 * layout is read in parts on all cores when it is large (see captureRanges). Any problem is one CniError line
 * naming the file.
 */
export async function readCaptureFile(file: string): Promise<ClusterTally> {
  const stats = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (stats.isDirectory()) throw captureIsDirectory(file);
  if (stats.size === 0) throw notCapture(file, 'an empty file');
  const head = Buffer.alloc(HEAD_BYTES);
  const ranges = await open(file)
    .then(async (handle) => {
      try {
        const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
        const start = head.subarray(0, bytesRead);
        return looksLikeKubectlList(start)
          ? await captureRanges(handle, stats.size, availableParallelism())
          : [];
      } finally {
        await handle.close();
      }
    })
    .catch((error: unknown) => {
      throw unreadable(file, error);
    });
  const gzipped = head[0] === GZIP[0] && head[1] === GZIP[1];
  try {
    if (ranges.length > 0) {
      const { tally, list } = await readRanges(file, ranges).catch((error: unknown) => {
        throw error instanceof NotKubectlLayout ? error : unreadable(file, error);
      });
      checkList(file, tally, list?.kind, list?.apiVersion);
      return tally;
    }
    return await readOnce(file, gzipped, true);
  } catch (error) {
    // Not kubectl's layout after all: read again without assuming one.
    if (error instanceof NotKubectlLayout) return readOnce(file, gzipped, false);
    throw error;
  }
}

async function readOnce(file: string, gzipped: boolean, kubectlLayout: boolean): Promise<ClusterTally> {
  const tally = emptyTally();
  let parser: CaptureParser | undefined;
  let head: Buffer | undefined;
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const source = gzipped ? input.pipe(createGunzip()) : input;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (parser === undefined) {
        head = head === undefined ? chunk : Buffer.concat([head, chunk]);
        const text = head.toString('utf8', 0, Math.min(head.length, 64)).trimStart();
        if (text === '' && head.length < 1 << 20) continue;
        if (text.startsWith('{'))
          parser =
            kubectlLayout && looksLikeKubectlList(head)
              ? kubectlListParser(file, tally)
              : jsonParser(file, tally);
        else if (text.startsWith('cnireport-capture')) parser = lineParser(file, tally);
        else if (text.startsWith('[')) throw notCapture(file, 'a JSON array, not a List');
        else if (/^(apiVersion|kind|items):/m.test(text) || text.startsWith('---'))
          throw notCapture(file, 'YAML, not JSON');
        else throw notCapture(file, 'neither JSON nor a capture');
        parser.push(head);
        head = undefined;
        continue;
      }
      parser.push(chunk);
    }
    if (parser === undefined) throw notCapture(file, 'only white space');
    parser.end();
  } catch (error) {
    input.destroy();
    if (error instanceof CniError || error instanceof NotKubectlLayout) throw error;
    if (error instanceof JsonSyntaxError)
      throw notCapture(file, `not valid JSON at byte ${error.offset}: ${error.message}`);
    throw unreadable(file, error);
  }
  return tally;
}
