import { CniError, type CniErrorCode } from './errors.js';

/**
 * Every message a user can be shown for a problem they can fix, each written once: call sites say what went wrong
 * and with what, the wording lives here. A message is one line that starts with the file (at `file:line:col`
 * where there is a place to point at); a list of located problems follows a count.
 */

// Files read: answers, brand files, logos, results.

/** `file: 2 problems` and each problem's own line. */
export function fileProblems(file: string, lines: readonly string[]): CniError {
  return new CniError('INPUT_INVALID', [`${file}: ${count(lines.length, 'problem')}`, ...lines].join('\n'));
}

export function isDirectory(file: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: is a directory (expected a file)`);
}

export function notRegularFile(file: string, code: CniErrorCode = 'INPUT_UNREADABLE'): CniError {
  return new CniError(code, `${file}: not a regular file`);
}

/** A file the system refused to give: missing, not permitted, or another reason it names. */
export function unreadable(file: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory (expected a file)'
          : `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new CniError('INPUT_UNREADABLE', `${file}: ${reason}`, { cause: error });
}

/** `got` and `limit` as they should read: `2048 bytes`, `more than 1 MiB`. */
export function tooLarge(file: string, got: string, limit: string, hint: string): CniError {
  return new CniError('INPUT_TOO_LARGE', `${file}: too large (got ${got}; expected at most ${limit})`, {
    hint,
  });
}

export function resultTooLarge(file: string, bytes: number): CniError {
  return new CniError('INPUT_TOO_LARGE', `${file}: too large for a result.json (got ${bytes} bytes)`);
}

export function textInOtherEncoding(file: string, encoding: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: is ${encoding} text; save it as UTF-8`);
}

export function binaryContent(file: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: binary content (expected a YAML or JSON text file)`);
}

export function notUtf8(file: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: not UTF-8 text (expected a YAML or JSON file in UTF-8)`);
}

/** The same problem, said of the brand file: beside answers files on one command line it says which file it is. */
export function ofBrandFile(error: CniError): CniError {
  return new CniError(error.code, `brand file ${error.message}`, { cause: error });
}

/**
 * A problem with the file a value names, placed at that value: `brand.yaml:4:7  logo: …`; `message`: the problem's
 * own, made safe to print where it quotes the value.
 */
export function atValue(where: string, error: CniError, message = error.message): CniError {
  return new CniError(error.code, `${where}: ${message}`, {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    cause: error,
  });
}

export function notAnImage(file: string): CniError {
  return new CniError(
    'INPUT_INVALID',
    `${file}: not a PNG, JPEG or SVG image (judged by its content, not its name)`,
  );
}

export function imageProblem(file: string, message: string, hint: string): CniError {
  return new CniError('INPUT_INVALID', `${file}: ${message}`, { hint });
}

const RESULT_HINT =
  'render reads the result.json that `generate` wrote, unchanged (it carries the stamp that dates it)';

export function notJson(where: string, reason: string): CniError {
  return new CniError('INPUT_INVALID', `${where}: not valid JSON (${reason})`, { hint: RESULT_HINT });
}

/** `more`: how many further problems the schema found. */
export function notAResult(where: string, path: string, message: string, more: number): CniError {
  const others = more === 0 ? '' : ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})`;
  return new CniError(
    'INPUT_INVALID',
    `${where}: not a cnireport result: ${path || 'the file'}: ${message}${others}`,
    {
      hint: RESULT_HINT,
    },
  );
}

// The package's own files: data and templates.

/** One located problem is its line alone; several follow a count. */
export function dataProblems(dir: string, lines: readonly string[]): CniError {
  const [only] = lines;
  if (only !== undefined && lines.length === 1) return new CniError('DATA_INVALID', only);
  return new CniError(
    'DATA_INVALID',
    [`data files in ${dir}: ${count(lines.length, 'problem')}`, ...lines].join('\n'),
  );
}

export function dataFileUnreadable(file: string, error: unknown): CniError {
  return new CniError('DATA_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`);
}

/** `code`: the system's reason, when there is one. */
export function missingFromPackage(file: string, code?: string): CniError {
  return new CniError(
    'DATA_INVALID',
    `${file} is missing from the package${code === undefined ? '' : ` (${code})`}`,
  );
}

export function noSuchPartial(file: string, name: string, suggestion: string | undefined): CniError {
  return new CniError(
    'TEMPLATE_INVALID',
    `${file}: no shipped partial is called ${name}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
    { hint: 'a new partial is used only by a layout that names it: override report.hbs as well' },
  );
}

/** `names`: what a template folder may hold, in the order to list them. */
export function noTemplates(dir: string, names: readonly string[]): CniError {
  return new CniError(
    'TEMPLATE_INVALID',
    `${dir}: holds none of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
    {
      hint: 'copy the files to change from the templates/ folder of cnireport',
    },
  );
}

/** `shipped`: the package's own folder (then it is the package that is broken, not the user's templates). */
export function templateFolderUnreadable(dir: string, code: string, shipped: boolean): CniError {
  return new CniError(
    shipped ? 'DATA_INVALID' : 'TEMPLATE_INVALID',
    `${dir}: cannot read the template folder (${code})`,
  );
}

export function templateOutsideFolder(file: string): CniError {
  return new CniError('TEMPLATE_INVALID', `${file}: links to a file outside the template folder`, {
    hint: 'copy the file into the template folder instead of linking to it',
  });
}

export function templateUnreadable(file: string, code: string): CniError {
  return new CniError('TEMPLATE_INVALID', `${file}: cannot read the template (${code})`);
}

/** `where`: the file, and `:line:col` when the template compiler says where. */
export function templateSyntax(where: string, detail: string): CniError {
  return new CniError('TEMPLATE_INVALID', `${where}: ${detail}`);
}

// Files written.

export function outputExists(target: string): CniError {
  return new CniError('OUTPUT_EXISTS', `${target}: already exists`, { hint: 'pass --force to overwrite it' });
}

export function outputUnwritable(target: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'a file is where a folder should be'
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? 'no space left on the device'
            : code === 'EROFS'
              ? 'read-only file system'
              : (code ?? (error instanceof Error ? error.message : String(error)));
  return new CniError('OUTPUT_UNWRITABLE', `${target}: cannot write (${reason})`, { cause: error });
}

export function cannotCreateFolder(dir: string, reason: string, error: unknown): CniError {
  return new CniError('OUTPUT_UNWRITABLE', `${dir}: cannot create the folder (${reason})`, { cause: error });
}

export function folderInTheWay(target: string): CniError {
  return new CniError('OUTPUT_UNWRITABLE', `${target}: cannot write (a folder of that name is in the way)`);
}

export function noReportWritten(): CniError {
  return new CniError('OUTPUT_UNWRITABLE', 'no report was written');
}

/** `init` would put its editor schema where a file of that name is something else. */
export function schemaInTheWay(schema: string, name: string): CniError {
  return new CniError(
    'OUTPUT_EXISTS',
    `${schema}: already exists and is not a cnireport answers schema (init writes one there for editor completion)`,
    { hint: `create the answers file in another folder, or move that ${name} away` },
  );
}

// Reports and their folders.

/** Two answers files whose reports would share a folder; `byFile`: folders are named after the files. */
export function sameReportFolder(file: string, folder: string, owner: string, byFile: boolean): CniError {
  return new CniError('USAGE', `${file}: its report would go to ${folder}, as the report of ${owner} does`, {
    hint: byFile
      ? 'give the answers files different names, or generate them into different --out folders'
      : 'for variants of one client, --name-by file names each folder after its answers file',
  });
}

/** `earlier`: when the report already there was made. */
export function reportNotReplaced(file: string, folder: string, earlier: string): CniError {
  return new CniError(
    'OUTPUT_EXISTS',
    `${file}: ${folder}/ already holds a report (from ${earlier}); not replaced (--no-clobber)`,
    { hint: 'generate into another --out folder, or without --no-clobber to replace it' },
  );
}

export function interrupted(written: number, total: number, exitCode: number): CniError {
  return new CniError(
    'INTERRUPTED',
    `interrupted: ${written} of ${total} ${total === 1 ? 'report' : 'reports'} written in full; nothing else was touched`,
    { exitCode },
  );
}

export function interruptedWaiting(folder: string): CniError {
  return new CniError('INTERRUPTED', `${folder}: interrupted while waiting for another cnireport run`);
}

export function cannotLock(lock: string, reason: string, error: unknown): CniError {
  return new CniError('OUTPUT_UNWRITABLE', `${lock}: cannot create the lock file (${reason})`, {
    cause: error,
  });
}

/** `who`: the run holding the folder, as far as its lock file says. */
export function folderBusy(folder: string, lock: string, who: string, timeoutMs: number): CniError {
  return new CniError(
    'OUTPUT_UNWRITABLE',
    `${folder}: ${who} is writing this folder; gave up waiting after ${timeoutMs / 1000} s`,
    { hint: `If no cnireport run is writing there, delete ${lock} and run again.` },
  );
}

/** What the PDF's absence means for a run that wrote everything else. */
export function noPdfWritten(error: CniError): CniError {
  return new CniError(error.code, `no PDF written: ${error.message}`, {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  });
}

// The command line.

export function noFormats(formats: readonly string[]): CniError {
  return new CniError('USAGE', `--format is empty (expected some of ${formats.join(', ')})`);
}

export function unknownFormat(
  name: string,
  formats: readonly string[],
  suggestion: string | undefined,
): CniError {
  const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
  return new CniError(
    'USAGE',
    `--format: unknown format "${name}" (expected some of ${formats.join(', ')}${hint})`,
  );
}

export function badSourceDateEpoch(value: string | undefined): CniError {
  return new CniError(
    'USAGE',
    `SOURCE_DATE_EPOCH is ${JSON.stringify(value)} (expected whole seconds since 1970-01-01, e.g. 1764028800)`,
    { hint: 'unset it to date the report today, or set engagement.date in the answers file' },
  );
}

export function tooFewToCompare(): CniError {
  return new CniError('USAGE', 'compare needs two or more answers files');
}

export function tooManyLabels(labels: number, files: number): CniError {
  return new CniError('USAGE', `${labels} labels for ${files} files: give at most one --label per file`);
}

/** `validate` found problems (each printed above): the file, or how many of the files. */
export function answersNotValid(files: readonly string[], failed: number): CniError {
  return new CniError(
    'INPUT_INVALID',
    files.length === 1 ? `${files[0]} is not valid` : notValidOf(failed, files.length),
    { hint: '`cnireport init` writes a commented answers file; `cnireport schema` gives editors completion' },
  );
}

export function tooFewValidToCompare(invalid: number, files: number): CniError {
  return new CniError('INPUT_INVALID', `${notValidOf(invalid, files)}; fewer than two are left to compare`, {
    hint: '`cnireport validate` lists every problem; fix them and compare again',
  });
}

export function someNotCompared(invalid: number, files: number, compared: number): CniError {
  return new CniError(
    'INPUT_INVALID',
    `${notValidOf(invalid, files)} (see above); the other ${compared} were compared`,
  );
}

function notValidOf(invalid: number, files: number): string {
  return `${invalid} of ${files} files ${invalid === 1 ? 'is' : 'are'} not valid`;
}

export function filesMissing(missing: number, files: number): CniError {
  return new CniError(
    'INPUT_UNREADABLE',
    `${missing} of ${files} files ${missing === 1 ? 'does' : 'do'} not exist`,
  );
}

/** `code`: the first failure's, for the exit. */
export function someReportsFailed(code: CniErrorCode, failed: number, total: number): CniError {
  return new CniError(
    code,
    `${failed} of ${total} answers files failed (see above); the others were written`,
  );
}

export function noTerminal(output: string): CniError {
  return new CniError(
    'NO_TERMINAL',
    `interview needs an interactive terminal (stdin and stdout a TTY, CI unset); instead run ` +
      `cnireport init ${output}, edit the file, then cnireport validate ${output}`,
  );
}

/** `pickUp`: the command that resumes the interview from its draft. */
export function interviewStopped(why: string, draftFile: string, pickUp: string, exitCode: number): CniError {
  return new CniError('STOPPED', `interview stopped (${why}); the answers so far are in ${draftFile}`, {
    hint: `pick up with: ${pickUp}`,
    exitCode,
  });
}

/** `kept`: what became of the answers, from its leading separator. */
export function workshopStopped(why: string, kept: string, exitCode: number): CniError {
  return new CniError('STOPPED', `workshop stopped (${why})${kept}`, { exitCode });
}

export function noSuchFolder(folder: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${folder}: no such folder`, {
    hint: 'the answers file is saved there: create the folder, or name a file in one that exists',
  });
}

export function noCaptures(): CniError {
  return new CniError('USAGE', 'no captures and no --context (expected capture files, or --context NAME)', {
    hint: 'cnireport discover --print-command prints the command to send the client',
  });
}

export function kubeconfigWithoutContext(): CniError {
  return new CniError('USAGE', '--kubeconfig without --context (expected --context NAME to read)');
}

export function cannotUpdateAnswers(file: string, reason: string): CniError {
  return new CniError('INPUT_INVALID', `${file}: ${reason}`);
}

/** discover's answers would not pass validation: each problem's own line follows; `hint` for a file it updates. */
export function discoveredInvalid(out: string, lines: readonly string[], hint: string | undefined): CniError {
  return new CniError(
    'INPUT_INVALID',
    [`${out}: not written, the result would not validate:`, ...lines].join('\n'),
    {
      hint,
    },
  );
}

// The report's own parts: templates at render time, the deck's logo, the workshop page.

/** A template that names a value the report does not have; `message`: where and which. */
export function templateRenderFailed(message: string, error: unknown): CniError {
  return new CniError('TEMPLATE_INVALID', message, {
    hint: 'a template names a value the report does not have; see templates/ for the ones that exist',
    cause: error,
  });
}

/** `why`: what stops the SVG logo from being drawn as the deck's picture. */
export function logoCannotBeDrawn(why: string): CniError {
  return new CniError('INPUT_INVALID', `the brand logo (SVG) cannot be drawn for report.pptx: ${why}`, {
    hint: 'fix the SVG (an SVG editor or `xmllint --noout logo.svg` shows where), or give a PNG logo',
  });
}

export function logoTooSlow(limitMs: number): CniError {
  return new CniError(
    'INPUT_INVALID',
    `the brand logo (SVG) cannot be drawn for report.pptx: it takes more than ${limitMs / 1000} s to draw`,
    { hint: 'simplify it (filters such as blurs on many shapes are slow), or give a PNG logo' },
  );
}

export function logoRefersOutside(message: string, hint: string): CniError {
  return new CniError('INPUT_INVALID', `the brand logo (SVG) ${message}`, { hint });
}

export function workshopPageMissing(script: string): CniError {
  return new CniError('DATA_INVALID', `the workshop page is missing (${script})`, {
    hint: 'in a checkout of the repository, run npm run build; an installed cnireport lacking it is damaged: install it again',
  });
}

/** `why`: the port in use, needing privileges, or the system's reason. */
export function cannotListen(why: string): CniError {
  return new CniError('USAGE', why, { hint: 'pick another with --port, or --port 0 for a free one' });
}

/** A name the workshop page gave for the answers file that the server will not write to. */
export function badAnswersFileName(name: string, why: string): CniError {
  return new CniError('USAGE', `${name}: ${why}`, { hint: 'give a file name such as acme.yaml' });
}

// Capture files and live clusters (discover).

const CAPTURE_EXPECTED =
  'expected the output of the command `cnireport discover --print-command` prints, or of `kubectl get nodes,pods,services,daemonsets -A -o json`';

/** A capture that is not one; `what`: what the file is instead (`an empty file`, `line 3 is not a line of a capture`). */
export function notCapture(file: string, what: string): CniError {
  return new CniError('INPUT_INVALID', `${file}: ${what} (${CAPTURE_EXPECTED})`);
}

export function captureIsDirectory(file: string): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: is a directory (expected a capture file)`);
}

/** A gzip stream that breaks off or is corrupt. */
export function damagedGzip(file: string, error: unknown): CniError {
  return new CniError('INPUT_UNREADABLE', `${file}: a damaged gzip file`, { cause: error });
}

/** `file`: the kubeconfig named, or undefined for the default one. */
export function kubeconfigUnreadable(file: string | undefined, error: unknown): CniError {
  return new CniError(
    'INPUT_UNREADABLE',
    `${file ?? 'the kubeconfig'}: cannot be read as a kubeconfig (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
  );
}

/** `known`: the contexts the kubeconfig has. */
export function noSuchContext(file: string | undefined, context: string, known: readonly string[]): CniError {
  return new CniError(
    'USAGE',
    `${file ?? 'kubeconfig'}: no context ${JSON.stringify(context)} (expected one of: ${known.join(', ') || 'none'})`,
  );
}

/**
 * What the Kubernetes client's error means for the user: the API server's answer (an HTTP status) or the reason it
 * could not be reached; `where`: the context and the list being read.
 */
export function apiServerError(where: string, error: unknown): CniError {
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 401)
    return new CniError('INPUT_UNREADABLE', `${where}: the API server refused the credentials (401)`);
  if (code === 403)
    return new CniError(
      'INPUT_UNREADABLE',
      `${where}: not allowed (403); discover needs get and list on nodes, pods, services and daemonsets`,
    );
  if (typeof code === 'number')
    return new CniError('INPUT_UNREADABLE', `${where}: the API server answered ${code}`);
  const reason =
    typeof cause === 'string'
      ? cause
      : typeof code === 'string'
        ? code
        : error instanceof Error
          ? error.message
          : String(error);
  return new CniError('INPUT_UNREADABLE', `${where}: cannot reach the API server (${reason})`, {
    cause: error,
  });
}

export function clusterWithoutNodes(context: string): CniError {
  return new CniError('INPUT_INVALID', `context ${context}: the cluster lists no nodes`);
}

// The browser that prints PDFs.

/** No browser anywhere: how to get one on the user's platform, on one line. */
export function noBrowser(platform: NodeJS.Platform): CniError {
  const install =
    platform === 'darwin'
      ? 'install Chrome or Chromium (e.g. `brew install --cask chromium`)'
      : platform === 'win32'
        ? 'install Chrome or Edge (e.g. `winget install Google.Chrome`)'
        : 'install Chrome or Chromium (e.g. `apt-get install chromium`)';
  return new CniError(
    'BROWSER_NOT_FOUND',
    `No Chrome, Chromium or Edge found to print the PDF: ${install}, ` +
      'or run `npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`, ' +
      'or set CNIREPORT_CHROME to a browser executable.',
  );
}

/** `variable`: CNIREPORT_CHROME or PUPPETEER_EXECUTABLE_PATH. */
export function browserVariableNoFile(variable: string, value: string): CniError {
  return new CniError('BROWSER_NOT_FOUND', `${variable} is set to ${value}, but there is no such file`, {
    hint: `Point ${variable} at a Chrome, Chromium or Edge executable, or unset it to search the usual places.`,
  });
}

/** `name`: the variable that sets a browser deadline. */
export function badBrowserTimeout(name: string, value: string, maxMs: number): CniError {
  return new CniError(
    'USAGE',
    `${name} must be a whole number of milliseconds from 1 to ${maxMs} (got ${value})`,
  );
}

/** `code`: the system's reason. */
export function cannotCreateBrowserProfile(dir: string, code: string, error: unknown): CniError {
  return new CniError(
    'BROWSER_FAILED',
    `could not start the browser: cannot create its profile folder in ${dir} (${code})`,
    { hint: 'Free some space there, or set TMPDIR to a writable folder.', cause: error },
  );
}

/**
 * `why`: the browser's own reason, or how long it was given to answer; `noSandbox`: whether it ran without its
 * sandbox already (then asking for that would not help).
 */
export function browserNotStarted(
  executablePath: string,
  why: string | { readonly timeoutMs: number },
  noSandbox: boolean,
  cause: unknown,
): CniError {
  const reason = typeof why === 'string' ? why : `it did not answer within ${why.timeoutMs / 1000} s`;
  return new CniError('BROWSER_FAILED', `could not start the browser ${executablePath}: ${reason}`, {
    hint: noSandbox
      ? 'Check that this browser starts on its own, or set CNIREPORT_CHROME to another one.'
      : 'If it needs to run without its sandbox (some containers), ask for --no-sandbox; or set CNIREPORT_CHROME to another browser.',
    cause,
  });
}

/** The browser went away: crashed, killed, or ran out of memory; the only thing to tell is that it did. */
export function browserQuit(when: string, cause?: unknown): CniError {
  return new CniError('BROWSER_FAILED', `the browser quit ${when} (it crashed or was killed)`, {
    hint: 'Run again; if it keeps happening, check the browser on its own or set CNIREPORT_CHROME to another.',
    cause,
  });
}

export function printerClosed(): CniError {
  return new CniError('BROWSER_FAILED', 'the PDF printer was already closed');
}

export function printerClosedWhilePrinting(title: string): CniError {
  return new CniError('BROWSER_FAILED', `the PDF printer was closed while printing "${title}"`);
}

/** `reason`: the browser's, its first line. */
export function printFailed(title: string, reason: string, cause: unknown): CniError {
  return new CniError('BROWSER_FAILED', `printing "${title}" to PDF failed: ${reason}`, { cause });
}

export function printTookTooLong(title: string, timeoutMs: number): CniError {
  return new CniError('BROWSER_FAILED', `printing "${title}" to PDF took longer than ${timeoutMs / 1000} s`);
}

/** The next four are caught where they are thrown and acted on (the browser killed, the page dropped), never shown. */
export function browserDidNotAnswer(): CniError {
  return new CniError('BROWSER_FAILED', 'the browser did not answer');
}

export function closingTimedOut(what: 'the page' | 'the browser'): CniError {
  return new CniError('BROWSER_FAILED', `closing ${what} timed out`);
}

export function printsDidNotStop(): CniError {
  return new CniError('BROWSER_FAILED', 'a print did not stop in time');
}

export function browserDidNotQuit(): CniError {
  return new CniError('BROWSER_FAILED', 'the browser did not quit');
}

// Errors passed between threads.

/** A CniError a report worker sent as plain data (classes do not cross threads), the same again. */
export function fromWorker(sent: {
  readonly code: CniErrorCode;
  readonly message: string;
  readonly hint?: string;
  readonly exitCode?: number;
}): CniError {
  return new CniError(sent.code, sent.message, {
    ...(sent.hint === undefined ? {} : { hint: sent.hint }),
    ...(sent.exitCode === undefined ? {} : { exitCode: sent.exitCode }),
  });
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
