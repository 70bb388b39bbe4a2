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

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
