import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isProcessRunning } from '../io/is-process-running.js';
import { parseTempName, type StagedFile, stageFile } from '../io/write-file-atomic.js';
import { cannotCreateFolder, folderInTheWay } from '../shared/error-catalogue.js';
import { type LockOptions, lockFolder } from './lock-folder.js';
import type { ReportFile } from './report-files.js';

/**
 * Writes one report's files into `folder` as a unit. Every file is first written in full under a
 * temporary name (where a full disk or an unwritable folder fails, before any file is replaced); then,
 * holding the folder's lock, they all take their names. So a failed write leaves the previous report as
 * it was, and two runs writing the same folder at once leave one run's report, not a mix of both.
 * Nothing but the report's own files (and, briefly, the lock) is created, replaced or removed.
 */
export async function writeReportFiles(
  folder: string,
  files: readonly ReportFile[],
  lockOptions: LockOptions = {},
): Promise<void> {
  const folders = [...new Set(files.map((file) => dirname(join(folder, file.path))))];
  for (const dir of folders) {
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw cannotCreateFolder(dir, mkdirFailure(error), error);
    });
  }
  const results = await Promise.allSettled(
    files.map((file) => stageFile(join(folder, file.path), file.data)),
  );
  const staged = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const release = await lockFolder(folder, lockOptions);
    try {
      await removeLeftovers(folders);
      await refuseFolderTargets(staged);
      for (const file of staged) await file.commit();
    } finally {
      await release();
    }
  } finally {
    await Promise.all(staged.map((file) => file.discard()));
  }
}

/**
 * Temporary files of runs that were killed (SIGKILL, power loss) before they could remove them. Only
 * files named the way `stageFile` names them, after a report file, by a process that is gone (this
 * process's own are the report being written now).
 */
async function removeLeftovers(folders: readonly string[]): Promise<void> {
  for (const dir of folders) {
    const names = await readdir(dir).catch(() => []);
    for (const name of names) {
      const temp = parseTempName(name);
      if (temp === null || !isReportFileName(temp.target) || isProcessRunning(temp.pid)) continue;
      await rm(join(dir, name), { force: true }).catch(() => undefined);
    }
  }
}

function isReportFileName(name: string): boolean {
  return /^(report\.(html|pdf|md|pptx)|result\.json|tco\.xlsx|[a-z0-9-]+\.(svg|png|vl\.json))$/.test(name);
}

/** A folder where a report file should go would stop the renames half-way: refuse it before the first. */
async function refuseFolderTargets(staged: readonly StagedFile[]): Promise<void> {
  for (const file of staged) {
    const stats = await lstat(file.target).catch(() => null);
    if (stats?.isDirectory()) {
      throw folderInTheWay(file.target);
    }
  }
}

function mkdirFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTDIR') return 'a parent of it is a file, not a folder';
  if (code === 'EEXIST') return 'a file of that name is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? String(error);
}
