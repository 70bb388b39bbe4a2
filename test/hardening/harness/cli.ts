import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = join(root, 'bin', 'cnireport.js');
export const relayBrowser = join(root, 'test', 'hardening', 'fixtures', 'relay-browser.mjs');
export const silentBrowser = join(root, 'test', 'hardening', 'fixtures', 'silent-browser.sh');

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A line of a JavaScript stack trace: what a user must never see. */
export const STACK_LINE = /^\s+at /m;

/** Runs `cnireport generate` as a user does (bin/ on the dist/ globalSetup built). */
export function generate(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'generate', ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, signal: error?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** Starts `cnireport generate` to be signalled or killed; `exited` settles when it has gone. */
export function startGenerate(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): { child: ChildProcess; exited: Promise<Run>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [bin, 'generate', ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, stderrSoFar: () => stderr };
}
