import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the page's browser bundle (dist/workshop-page/), as `npm run build` does. */
export function buildWorkshopPage(): void {
  execFileSync(process.execPath, ['scripts/bundle-workshop.js'], { cwd: root, stdio: 'inherit' });
}

export interface WorkshopProcess {
  readonly child: ChildProcess;
  /** The printed URL, with its token. */
  readonly url: string;
  readonly origin: string;
  readonly host: string;
  readonly token: string;
  readonly stderr: () => string;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `cnireport workshop <args> --no-open` as a user does, and waits for its one line of output. */
export function startWorkshop(cwd: string, ...args: string[]): Promise<WorkshopProcess> {
  return startWorkshopProcess({ cwd, args });
}

/** The same with the CLI started by `command` (an installed package's `cnireport`, say). */
export function startWorkshopWith(
  command: readonly string[],
  cwd: string,
  ...args: string[]
): Promise<WorkshopProcess> {
  return startWorkshopProcess({ command, cwd, args });
}

export interface WorkshopStart {
  readonly cwd: string;
  readonly args: readonly string[];
  /** The CLI and its first arguments; default: this checkout's bin/cnireport.js under this Node. */
  readonly command?: readonly string[];
  /** Let the workshop open the browser (no --no-open), as a user's plain `cnireport workshop` does. */
  readonly open?: boolean;
  /** Added to the environment (PATH, say). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts the workshop as `start` says and resolves once it has printed its URL. */
export function startWorkshopProcess(start: WorkshopStart): Promise<WorkshopProcess> {
  const [command, ...before] = start.command ?? [process.execPath, `${root}bin/cnireport.js`];
  if (command === undefined) throw new Error('no command to start the workshop with');
  const child = spawn(
    command,
    [...before, 'workshop', ...start.args, ...(start.open === true ? [] : ['--no-open'])],
    {
      cwd: start.cwd,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1790000000', ...start.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^workshop: (http:\/\/([^/]+)\/\?token=([\w-]+))\n/.exec(stdout);
      if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return;
      resolve({
        child,
        url: match[1],
        origin: `http://${match[2]}`,
        host: match[2],
        token: match[3],
        stderr: () => stderr,
        async stop(signal = 'SIGINT') {
          if (child.exitCode === null) child.kill(signal);
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    });
    void exited.then((code) =>
      reject(new Error(`workshop exited (${code}) before printing its URL:\n${stderr}`)),
    );
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A request with exactly the headers given (fetch would not let a test set Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { Host: target.host, ...options.headers },
        setHost: false,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Opens the printed URL once, as the browser does: the session cookie (`name=value`) it sets, and the page's
 * address it redirects to without its trailing slash (`http://127.0.0.1:8123/<run path>`), where every path lives.
 */
export async function openSession(
  workshop: Pick<WorkshopProcess, 'url' | 'origin'>,
): Promise<{ cookie: string; app: string }> {
  const first = await rawRequest(workshop.url);
  const cookie = String(first.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const location = String(first.headers.location ?? '');
  if (first.status !== 303 || cookie === '' || !/^\/[\w-]+\/$/.test(location))
    throw new Error(`the workshop URL gave no session (${first.status}, ${location})`);
  return { cookie, app: `${workshop.origin}${location.slice(0, -1)}` };
}
