import { randomBytes } from 'node:crypto';
import { readFile, realpath, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { answersDraftOfText } from '../io/load-answers-draft.js';
import { parseAnswersText } from '../io/parse-answers-text.js';
import { formatProblem } from '../io/problem.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { AnswersDraft } from '../questionnaire/answers-draft.js';
import { askContext } from '../questionnaire/ask-context.js';
import { renderAnswersYaml } from '../questionnaire/render-answers-yaml.js';
import { reviseAnswersYaml } from '../questionnaire/update-answers-yaml.js';
import type { Dataset } from '../schema/dataset.js';
import { deriveSituation } from '../scoring/derive-situation.js';
import { scoreAnswers } from '../scoring/score-answers.js';
import { stakeholderViews } from '../scoring/stakeholder-views.js';
import { cannotListen, workshopPageMissing } from '../shared/error-catalogue.js';
import { CniError, InternalError } from '../shared/errors.js';
import { describeStakeholders } from '../words/stakeholder-text.js';
import { confineAnswersFile, isInside } from './confine-file.js';
import { evaluateEntries } from './evaluate-entries.js';
import { fileVersion, looksLikeAnswersFile } from './file-version.js';
import { liveResult } from './live-result.js';
import { PAGE_CSP, pageHtml, REPORT_CSP } from './page-html.js';
import { type GuardConfig, guardRequest, sessionCookie } from './request-guard.js';
import { workshopForm } from './workshop-form.js';
import type { Entries, GeneratedFile, LiveView, WorkshopState } from './workshop-protocol.js';

/** Open connections at most: a browser opens six per host, the workshop is one room's few tabs. */
export const MAX_CONNECTIONS = 64;

/** Largest request body: a full set of answers is a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/** One generate run of the page, through the same code as `cnireport generate`. */
export interface WorkshopGenerated {
  /** The report folder, absolute. */
  readonly folder: string;
  readonly files: readonly string[];
  /** What the consultant should know (no browser for the PDF, say). */
  readonly notes: readonly string[];
}

export interface WorkshopOptions {
  readonly host: string;
  readonly port: number;
  /** `Host` values the server answers to, beyond the address it listens on (its other addresses). */
  readonly extraHosts?: readonly string[];
  /** Answers files are read and saved here only. */
  readonly folder: string;
  /** The answers file the run started from, relative to `folder`; null without one. */
  readonly file: string | null;
  readonly saved: Entries;
  readonly draft: Entries | null;
  readonly dataset: Dataset;
  /** Monte Carlo draws while answers change, and once they settle (the report's). */
  readonly draws: { readonly live: number; readonly full: number };
  /** Where the page's script and style are. */
  /** The page's script and style, and the folder of the report's typeface (inter-400.woff2 and the others). */
  readonly assets: { readonly script: string; readonly style: string; readonly fonts: string };
  /** Folder that receives the reports, served read-only so the page can link them. */
  readonly outDir: string;
  /** What the saved file's `$schema=` modeline names, and how that schema is put in place beside the file. */
  readonly schemaRef: string;
  readonly placeSchema: (answersFile: string) => Promise<unknown>;
  readonly generate: (file: string, signal: AbortSignal) => Promise<WorkshopGenerated>;
}

export interface WorkshopServer {
  /** The URL to open, with the run's token. */
  readonly url: string;
  readonly port: number;
  /** Answers changed since the last save, as the page last sent them; null when there are none. */
  unsaved(): { readonly entries: Entries; readonly draft: AnswersDraft } | null;
  /** The file saves go to by default, absolute; null before one is named. */
  target(): string | null;
  /** Stops taking requests, stops a report being generated, and waits for writes under way to finish. */
  close(): Promise<void>;
}

const EntriesSchema = z.record(
  z.string().max(200),
  z.union([z.string().max(20_000), z.array(z.string().max(200)).max(200), z.boolean()]),
);
const EvaluateSchema = z.strictObject({
  entries: EntriesSchema,
  /** Score with the report's draws rather than the live ones. */
  full: z.boolean().default(false),
  /** Keep these answers as the ones to offer back after a reload; false while an earlier draft is on offer. */
  record: z.boolean().default(true),
});
const VersionSchema = z.string().max(64).nullable().default(null);
const SaveSchema = z.strictObject({
  file: z.string().max(255),
  entries: EntriesSchema,
  /** The version of the file the page last loaded or saved: saving over that version needs no question. */
  base: VersionSchema,
  /** The version of an existing file the consultant agreed to replace, as the server's 409 named it. */
  replace: VersionSchema,
});
const GenerateSchema = z.strictObject({ file: z.string().max(255) });

/** The report's typeface, served to the page so the room sees the report's type (assets/fonts/). */
const FONT_WEIGHTS = [400, 600, 700] as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The workshop's local web server (node:http): the page, its questionnaire and live result, Save and
 * Generate. Every request passes `guardRequest` first; bodies are JSON, size-limited and parsed with zod.
 */
export async function startWorkshopServer(options: WorkshopOptions): Promise<WorkshopServer> {
  const [script, style, ...faces] = await Promise.all([
    readFile(options.assets.script, 'utf8'),
    readFile(options.assets.style, 'utf8'),
    ...FONT_WEIGHTS.map((weight) => readFile(join(options.assets.fonts, `inter-${weight}.woff2`))),
  ]).catch(() => {
    throw workshopPageMissing(options.assets.script);
  });
  const form = workshopForm(askContext({}, options.dataset));
  const token = randomBytes(24).toString('base64url');
  let saved: Entries = options.saved;
  let latest: Entries | null = options.draft;
  let file: string | null = options.file;
  const pending = new Set<Promise<unknown>>();
  /** The real paths of the files Generate wrote in this run: all /out/ serves (not other clients' reports). */
  const generated = new Set<string>();
  const generation = new AbortController();
  let generating = false;

  const server = createServer((request, response) => {
    const work = handle(request, response).catch((error: unknown) => fail(response, error));
    pending.add(work);
    void work.finally(() => pending.delete(work));
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 10_000;
  // A page needs a handful of connections per tab. Past the cap new sockets are closed at once, so a flood of
  // idle ones cannot exhaust the process's file descriptors (the saves and reports it writes need them).
  server.maxConnections = MAX_CONNECTIONS;

  const port = await listen(server, options.host, options.port);
  const authority = hostPort(options.host, port);
  const guard: { -readonly [K in keyof GuardConfig]: GuardConfig[K] } = {
    token,
    session: randomBytes(24).toString('base64url'),
    hosts: new Set([authority, ...(options.extraHosts ?? []).map((h) => hostPort(h, port))]),
    cookieName: `cnireport-workshop-${port}`,
    base: `/${randomBytes(18).toString('base64url')}/`,
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = guardRequest(request, guard);
    if (!verdict.ok) {
      request.resume();
      return send(response, verdict.status, 'text/plain; charset=utf-8', `${verdict.reason}\n`);
    }
    const url = new URL(request.url ?? '/', 'http://workshop');
    if (verdict.viaQuery) {
      // The token leaves the address bar for a cookie script cannot read, holding another secret; the URL's
      // token is spent, so the printed URL or the browser's history cannot open the page again. Always to
      // the page itself: the request's path is not echoed (`//evil.example/` would be another site).
      guard.token = null;
      response.setHeader('Set-Cookie', sessionCookie(guard));
      response.setHeader('Location', guard.base);
      return send(response, 303, 'text/plain; charset=utf-8', '');
    }
    // Everything lives under the run's path: the page's links and requests are relative to it.
    const path = url.pathname.startsWith(guard.base) ? url.pathname.slice(guard.base.length - 1) : null;
    const route = `${request.method} ${path}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html; charset=utf-8', pageHtml('cnireport workshop'));
      case 'GET /page.js':
        return send(response, 200, 'text/javascript; charset=utf-8', script);
      case 'GET /page.css':
        return send(response, 200, 'text/css; charset=utf-8', style);
      case 'GET /fonts/inter-400.woff2':
      case 'GET /fonts/inter-600.woff2':
      case 'GET /fonts/inter-700.woff2': {
        const face = faces[FONT_WEIGHTS.findIndex((w) => route.endsWith(`-${w}.woff2`))];
        return face === undefined
          ? send(response, 404, 'text/plain; charset=utf-8', 'not found\n')
          : send(response, 200, 'font/woff2', face);
      }
      case 'GET /api/state':
        return sendJson(response, 200, await state());
      case 'POST /api/evaluate': {
        const body = EvaluateSchema.parse(await readJson(request));
        if (body.record) latest = body.entries;
        return sendJson(response, 200, evaluate(body.entries, body.full));
      }
      case 'POST /api/save':
        return sendJson(response, 200, await save(SaveSchema.parse(await readJson(request))));
      case 'POST /api/generate':
        return sendJson(response, 200, await generate(GenerateSchema.parse(await readJson(request)).file));
      default:
        if (request.method === 'GET' && path?.startsWith('/out/')) return serveOutput(path, response);
        request.resume();
        return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
  }

  async function state(): Promise<WorkshopState> {
    return {
      form,
      file,
      version: file === null ? null : await fileVersion(join(await realFolder(), file)),
      saved,
      draft: latest !== null && !sameEntries(latest, saved) ? latest : null,
      draws: options.draws,
    };
  }

  function evaluate(entries: Entries, full: boolean): LiveView {
    const started = performance.now();
    const evaluated = evaluateEntries(entries, options.dataset);
    const draws = full ? options.draws.full : options.draws.live;
    const answers = evaluated.answers;
    const scored = answers === null ? null : scoreAnswers(answers, options.dataset, { draws });
    // Each stakeholder's view scores the answers again per stakeholder: once the answers settle, not per key.
    const views =
      answers === null || scored === null || !full
        ? null
        : stakeholderViews(deriveSituation(answers, options.dataset), options.dataset, scored, {
            draws: options.draws.live,
          });
    const described = views === null ? null : describeStakeholders(views);
    const result = scored === null ? null : liveResult(scored, draws, described);
    return {
      fields: evaluated.fields,
      problems: evaluated.problems,
      result,
      ms: Math.round(performance.now() - started),
    };
  }

  async function save(request: z.infer<typeof SaveSchema>) {
    const target = await confineAnswersFile(options.folder, request.file);
    const evaluated = evaluateEntries(request.entries, options.dataset);
    if (evaluated.answers === null) {
      const wrong = Object.entries(evaluated.fields).flatMap(([name, f]) =>
        f.error === undefined ? [] : [`${name}: ${f.error}`],
      );
      throw new HttpError(422, 'fix the answers marked on the page first', {
        problems: [...wrong, ...evaluated.problems],
      });
    }
    // The server, not the page, decides what may be replaced: only an answers file, and only the version the
    // page last loaded or saved, or the one the consultant was asked about (a 409 names it). A second tab
    // that saves over the first one's answers is asked too.
    const current = await fileVersion(target);
    if (current !== null) {
      if (!(await looksLikeAnswersFile(target))) {
        throw new HttpError(409, `${request.file} exists and is not an answers file: give another name`);
      }
      if (request.base !== current && request.replace !== current) throw replaceQuestion(target, current);
    }
    // The file the page works on is edited, not written anew: keys and comments the page does not show stay.
    const opened = current !== null && file !== null && target === join(await realFolder(), file);
    const text = opened
      ? await revisedFile(target, evaluated.draft)
      : renderAnswersYaml({ schemaRef: options.schemaRef, values: evaluated.draft });
    const parsed = parseAnswersText(text, request.file);
    if (!parsed.ok) {
      const [first] = parsed.problems;
      throw new InternalError(`workshop answers do not validate: ${first && formatProblem(first)}`);
    }
    await writeFileAtomic(target, text, { overwrite: current !== null }).catch(async (error: unknown) => {
      if (error instanceof CniError && error.code === 'OUTPUT_EXISTS') {
        throw replaceQuestion(target, await fileVersion(target));
      }
      throw error;
    });
    const version = await fileVersion(target);
    file = basename(target);
    const schema = await options.placeSchema(target).then(
      () => null,
      // The answers are saved; the schema beside them only helps an editor, so the save still succeeds.
      (error: unknown) => (error instanceof CniError ? error.message : String(error)),
    );
    saved = request.entries;
    latest = request.entries;
    await rm(draftFileFor(target), { force: true });
    const note = schema === null ? '' : ` (the schema for editors was not placed beside it: ${schema})`;
    return { file, version, message: `saved ${file}${note}` };
  }

  function replaceQuestion(target: string, version: string | null): HttpError {
    const name = basename(target);
    const message =
      name === file
        ? `${name} changed since this page last loaded or saved it (another tab or program saved it). Replace it?`
        : `${name} exists. Replace it?`;
    return new HttpError(409, message, { exists: true, version });
  }

  async function revisedFile(target: string, answers: AnswersDraft): Promise<string> {
    const text = await readFile(target, 'utf8');
    const before = answersDraftOfText(text, target).draft;
    return reviseAnswersYaml(text, before, answers, options.dataset);
  }

  async function generate(
    name: string,
  ): Promise<{ folder: string; files: GeneratedFile[]; notes: string[] }> {
    const target = await confineAnswersFile(options.folder, name);
    if ((await stat(target).catch(() => null)) === null) {
      throw new HttpError(409, `${name} is not saved yet: save first, the report is made from the file`);
    }
    if (generating) throw new HttpError(409, 'a report is being generated already');
    generating = true;
    try {
      const outcome = await options.generate(target, generation.signal);
      for (const path of outcome.files) {
        const real = await realpath(join(outcome.folder, path)).catch(() => null);
        if (real !== null) generated.add(real);
      }
      const folder = relative(options.outDir, outcome.folder).split(sep).join('/');
      return {
        folder: relative(process.cwd(), outcome.folder) || '.',
        files: outcome.files.map((path) => ({
          path,
          href: `out/${[...folder.split('/'), ...path.split('/')].map(encodeURIComponent).join('/')}`,
        })),
        notes: [...outcome.notes],
      };
    } finally {
      generating = false;
    }
  }

  /** `path`: the request's path under the run's, `/out/<folder>/<file>`, still URL-encoded. */
  async function serveOutput(path: string, response: ServerResponse): Promise<void> {
    let parts: string[];
    try {
      parts = path.slice('/out/'.length).split('/').map(decodeURIComponent);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'bad path\n');
    }
    const type = TYPES[extname(path).toLowerCase()];
    if (type === undefined || parts.some((p) => p === '' || p === '.' || p === '..' || /[\\/\0]/.test(p))) {
      return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
    const root = await realpath(options.outDir).catch(() => null);
    const real = root === null ? null : await realpath(join(root, ...parts)).catch(() => null);
    if (root === null || real === null || !isInside(root, real) || !generated.has(real)) {
      return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
    if ((await stat(real).catch(() => null))?.isFile() !== true) {
      return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    }
    const body = await readFile(real);
    response.setHeader('Content-Security-Policy', REPORT_CSP);
    return send(response, 200, type, body, false);
  }

  const realFolder = () => realpath(options.folder);

  return {
    url: `http://${authority}/?token=${token}`,
    port,
    unsaved() {
      if (latest === null || sameEntries(latest, saved)) return null;
      return { entries: latest, draft: evaluateEntries(latest, options.dataset).draft };
    },
    target: () => (file === null ? null : join(options.folder, file)),
    async close() {
      generation.abort(130);
      server.close();
      // A request still sending its body must not hold the stop up; a save under way finishes its atomic
      // write whether or not its answer can still be sent.
      server.closeAllConnections();
      await Promise.allSettled([...pending]);
    },
  };
}

/** `answers.yaml` → `answers.draft.yaml`, beside it: where a stopped run keeps unsaved answers. */
export function draftFileFor(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.draft${ext === '' ? '.yaml' : ext}`);
}

function sameEntries(a: Entries, b: Entries): boolean {
  const canonical = (e: Entries) =>
    JSON.stringify(
      Object.keys(e)
        .sort()
        .map((k) => [k, e[k]]),
    );
  return canonical(a) === canonical(b);
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`.toLowerCase();
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${port} is in use on ${host}`
          : error.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine`
            : error.code === 'EACCES'
              ? `port ${port} needs privileges on ${host}`
              : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
      reject(cannotListen(why));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request is not JSON');
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  page = true,
): void {
  if (page) response.setHeader('Content-Security-Policy', PAGE_CSP);
  response.setHeader('Content-Type', type);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.writeHead(status);
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** An error as the page shows it; a bug is still a 500 with its message, and the server goes on. */
function fail(response: ServerResponse, error: unknown): void {
  if (response.headersSent) response.destroy();
  else if (error instanceof HttpError)
    sendJson(response, error.status, { message: error.message, ...error.body });
  else if (error instanceof z.ZodError) {
    sendJson(response, 400, { message: `bad request: ${error.issues[0]?.message}` });
  } else if (error instanceof CniError) {
    sendJson(response, 400, { message: error.message, ...(error.hint ? { hint: error.hint } : {}) });
  } else {
    const message = error instanceof Error ? error.message : String(error);
    sendJson(response, 500, { message: `internal error, this is a bug in cnireport: ${message}` });
  }
}
