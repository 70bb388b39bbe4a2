import { badBrowserTimeout } from '../shared/error-catalogue.js';
import type { PdfPrinterOptions } from './print-pdf.js';

/** An hour: longer than any report takes, short enough that a typo (an extra zero or three) is caught. */
const MAX_TIMEOUT_MS = 3_600_000;

/**
 * The browser deadlines set by CNIREPORT_LAUNCH_TIMEOUT_MS and CNIREPORT_PRINT_TIMEOUT_MS (slow machines
 * need longer; tests of hanging browsers, seconds). A value that is not a whole number of milliseconds
 * is refused rather than ignored.
 */
export function browserTimeouts(
  env: Readonly<Record<string, string | undefined>>,
): Pick<PdfPrinterOptions, 'launchTimeoutMs' | 'printTimeoutMs'> {
  const launch = timeout(env, 'CNIREPORT_LAUNCH_TIMEOUT_MS');
  const print = timeout(env, 'CNIREPORT_PRINT_TIMEOUT_MS');
  return {
    ...(launch === undefined ? {} : { launchTimeoutMs: launch }),
    ...(print === undefined ? {} : { printTimeoutMs: print }),
  };
}

function timeout(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const ms = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!(ms >= 1 && ms <= MAX_TIMEOUT_MS)) throw badBrowserTimeout(name, value, MAX_TIMEOUT_MS);
  return ms;
}
