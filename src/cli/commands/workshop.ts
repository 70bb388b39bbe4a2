import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { generateReports } from '../../generate/generate-reports.js';
import { loadRenderers } from '../../generate/load-renderers.js';
import { REPORT_FORMATS } from '../../generate/parse-formats.js';
import { loadAnswersDraft } from '../../io/load-answers-draft.js';
import { loadBrand } from '../../io/load-brand.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { browserTimeouts } from '../../pdf/browser-timeouts.js';
import { renderAnswersYaml } from '../../questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../questionnaire/starter-answers.js';
import type { Brand } from '../../report/report-sources.js';
import { noReportWritten, noSuchFolder, workshopStopped } from '../../shared/error-catalogue.js';
import { entriesOf } from '../../workshop/evaluate-entries.js';
import { draftFileFor, startWorkshopServer, type WorkshopGenerated } from '../../workshop/workshop-server.js';
import type { CliIo } from '../cli-io.js';
import { packageRoot, readPackageInfo } from '../package-info.js';
import { paint } from '../paint.js';
import { placeSchemaBeside, SCHEMA_BESIDE } from '../schema-beside.js';

/**
 * Monte Carlo draws while answers change. The confidence moves by about a point between 1,000 and 5,000
 * draws; the page says which it shows and rescores with the report's draws once the answers settle.
 */
export const LIVE_DRAWS = 1_000;

interface WorkshopOptions {
  port: number;
  host: string;
  open: boolean;
  out: string;
  brand?: string;
}

const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export function registerWorkshop(program: Command, io: CliIo): void {
  program
    .command('workshop')
    .description(
      'the questionnaire as a live local web page for the room, the recommendation updating on every answer',
    )
    .argument('[answers]', 'answers file to start from and save back to (YAML)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', parsePort, 0)
    .option(
      '--host <addr>',
      'address to listen on; other than 127.0.0.1 lets others on the network reach it',
      '127.0.0.1',
    )
    .option('--no-open', 'do not open the default browser')
    .option('-o, --out <dir>', 'folder that receives the report Generate writes', 'out')
    .option('--brand <file>', 'brand file (YAML) of the reports Generate writes, as for cnireport generate')
    .addHelpText(
      'after',
      `
Prints one line, workshop: <URL>, and opens it in the default browser. The URL carries a secret for
this run: only a browser that opened it can use the page. Ctrl+C stops the server (exit code 130);
answers not yet saved are kept in <answers>.draft.yaml and offered back the next time.

Save writes the answers into the file the page opened, editing only the answers that changed (its
comments and other keys stay); another existing file is replaced only after asking. Generate saves the
answers if they changed, then writes the report into <out>/<client>/ as cnireport generate does.

Examples:
  $ cnireport workshop acme.yaml       # start from acme.yaml and save back to it
  $ cnireport workshop                 # start from the defaults; Save asks for a name
  $ cnireport workshop acme.yaml --port 8080 --no-open`,
    )
    .action(async (answers: string | undefined, options: WorkshopOptions) => {
      const dataset = defaultDataset();
      // A missing or wrong brand file is said before the page opens, not when Generate is pressed.
      const brand = await loadBrand(options.brand);
      const folder = answers === undefined ? process.cwd() : dirname(resolve(answers));
      const file = answers === undefined ? null : basename(answers);
      if (!existsSync(folder)) {
        throw noSuchFolder(dirname(answers ?? '.'));
      }
      let saved = entriesOf(STARTER_ANSWERS);
      if (answers !== undefined && existsSync(answers)) {
        const loaded = await loadAnswersDraft(answers);
        saved = entriesOf(loaded.draft);
        for (const problem of loaded.problems)
          io.err(`${paint(io.errColor, 'yellow', 'note:')} ${problem}\n`);
      }
      const draftFile = draftFileFor(join(folder, file ?? 'workshop.yaml'));
      const draft = existsSync(draftFile) ? entriesOf((await loadAnswersDraft(draftFile)).draft) : null;
      if (draft !== null) {
        io.err(
          `${paint(io.errColor, 'yellow', 'note:')} ${relative(process.cwd(), draftFile)} holds answers not saved last time; the page offers them back\n`,
        );
      }
      const wildcard = options.host === '0.0.0.0' || options.host === '::';
      const assets = join(packageRoot(), 'dist', 'workshop-page');
      const server = await startWorkshopServer({
        host: options.host,
        port: options.port,
        // Listening everywhere: answer to this machine's addresses, the loopback one included.
        ...(wildcard ? { extraHosts: ['127.0.0.1', ...machineAddresses()] } : {}),
        folder,
        file,
        saved,
        draft,
        dataset,
        draws: {
          live: Math.min(LIVE_DRAWS, dataset.model.decision.monteCarloDraws),
          full: dataset.model.decision.monteCarloDraws,
        },
        assets: {
          script: join(assets, 'page.js'),
          style: join(assets, 'page.css'),
          fonts: join(packageRoot(), 'assets', 'fonts'),
        },
        outDir: resolve(options.out),
        schemaRef: SCHEMA_BESIDE,
        placeSchema: placeSchemaBeside,
        generate: (target, signal) => generateOne(target, options.out, brand, signal),
      });
      const url = wildcard
        ? server.url.replace(/\/\/[^/]+/, `//${machineAddresses()[0] ?? '127.0.0.1'}:${server.port}`)
        : server.url;
      if (!isLoopback(options.host)) {
        io.err(
          `${paint(io.errColor, 'yellow', 'warning:')} listening on ${options.host}: anyone on this network who gets the URL can change and save the answers\n`,
        );
      }
      io.out(`workshop: ${url}\n`);
      const opener = options.open ? await openBrowser(url, io) : null;

      const names = Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[];
      const handlers = new Map<keyof typeof STOP_SIGNALS, () => void>();
      const signal = await new Promise<keyof typeof STOP_SIGNALS>((resolveStop) => {
        for (const name of names) {
          handlers.set(name, () => resolveStop(name));
          process.once(name, handlers.get(name) as () => void);
        }
      });
      for (const [name, handler] of handlers) process.off(name, handler);
      await Promise.all([
        server.close(),
        opener === null ? null : rm(opener, { recursive: true, force: true }),
      ]);
      const unsaved = server.unsaved();
      let kept = '';
      if (unsaved !== null) {
        const target = draftFileFor(server.target() ?? join(folder, 'workshop.yaml'));
        await writeFileAtomic(
          target,
          renderAnswersYaml({
            schemaRef: SCHEMA_BESIDE,
            values: unsaved.draft,
            note: `Answers of a cnireport workshop not saved when it stopped. Pick up with: cnireport workshop ${relative(process.cwd(), server.target() ?? join(folder, 'workshop.yaml'))}`,
          }),
          { overwrite: true },
        );
        kept = `; answers not saved are in ${relative(process.cwd(), target)}`;
      }
      const why = signal === 'SIGINT' ? 'Ctrl+C' : signal;
      throw workshopStopped(why, kept, STOP_SIGNALS[signal]);
    });
}

/** One report, as `cnireport generate <file> --out <out>` writes it. */
async function generateOne(
  file: string,
  out: string,
  brand: Brand,
  signal: AbortSignal,
): Promise<WorkshopGenerated> {
  const outcome = await generateReports(
    {
      files: [file],
      outDir: out,
      formats: REPORT_FORMATS,
      paper: 'A4',
      brand,
      ...(process.env.SOURCE_DATE_EPOCH === undefined
        ? {}
        : { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH }),
      now: new Date(),
      toolVersion: readPackageInfo().version,
    },
    {
      loadRenderers: () => loadRenderers(undefined),
      launchPrinter: async () => {
        const { PdfPrinter } = await import('../../pdf/print-pdf.js');
        return PdfPrinter.launch(browserTimeouts(process.env));
      },
      signal,
    },
  );
  const [failure] = outcome.failures;
  if (failure !== undefined) throw failure.error;
  const [written] = outcome.written;
  if (written === undefined) throw noReportWritten();
  const notes = [
    ...(outcome.pdfUnavailable === null ? [] : [`no PDF: ${outcome.pdfUnavailable.message}`]),
    ...outcome.outdated.map((f) => `${f} is from an earlier run and may not match the new report`),
  ];
  return { folder: resolve(written.folder), files: written.files.map((f) => f.path), notes };
}

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new InvalidArgumentError(`expected a port from 0 to 65535 (got ${value})`);
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** This machine's IPv4 addresses other than loopback: what another device would type to reach it. */
function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a !== undefined && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

/**
 * The default browser, sent to the URL by a page in a folder only this user can read, as Jupyter does: the
 * URL's token never appears in a process's arguments, which every user of the machine can list. Returns that
 * folder, removed when the workshop stops. A machine without a browser gets a note; the URL is printed anyway.
 */
async function openBrowser(url: string, io: CliIo): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'cnireport-workshop-'));
  const page = join(folder, 'open.html');
  const href = url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  await writeFile(
    page,
    `<!doctype html>\n<meta charset="utf-8">\n<meta http-equiv="refresh" content="0;url=${href}">\n` +
      `<title>cnireport workshop</title>\n<a href="${href}">Open the workshop</a>\n`,
    { mode: 0o600 },
  );
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [page]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', page]]
        : ['xdg-open', [page]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () =>
    io.err(
      `${paint(io.errColor, 'yellow', 'note:')} could not open a browser (${command}); open the URL above\n`,
    ),
  );
  child.unref();
  return folder;
}
