import { readFileSync } from 'node:fs';

export interface PackageInfo {
  version: string;
  /** Where to report bugs, from package.json `bugs`, when it names one. */
  bugsUrl: string | undefined;
}

export function readPackageInfo(): PackageInfo {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
    bugs?: unknown;
  };
  const bugs = json.bugs;
  const bugsUrl =
    typeof bugs === 'string'
      ? bugs
      : typeof bugs === 'object' && bugs !== null && typeof (bugs as { url?: unknown }).url === 'string'
        ? (bugs as { url: string }).url
        : undefined;
  return { version: typeof json.version === 'string' ? json.version : '0.0.0', bugsUrl };
}
