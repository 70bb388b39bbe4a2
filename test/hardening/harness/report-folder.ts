import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder` (relative path to bytes), dotfiles included. */
export function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), readFileSync(path));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The paths whose bytes differ between two snapshots, or that only one of them has. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => {
    const x = a.get(path);
    const y = b.get(path);
    return x === undefined || y === undefined || !x.equals(y);
  });
}

/**
 * Why a report file is not complete, or null if it is: each format's own last bytes (a truncated file
 * lacks them) and JSON that parses.
 */
export function incompleteness(path: string, data: Buffer): string | null {
  const tail = data.subarray(-64).toString('latin1');
  if (path.endsWith('.html')) return /<\/html>\s*$/.test(tail) ? null : 'HTML without its closing </html>';
  if (path.endsWith('.pdf')) return /%%EOF\s*$/.test(tail) ? null : 'PDF without its closing %%EOF';
  if (path.endsWith('.png')) return tail.includes('IEND') ? null : 'PNG without its IEND chunk';
  if (path.endsWith('.svg')) return /<\/svg>\s*$/.test(tail) ? null : 'SVG without its closing </svg>';
  if (path.endsWith('.md')) return data.length > 0 && tail.endsWith('\n') ? null : 'Markdown cut short';
  if (path.endsWith('.json')) {
    try {
      JSON.parse(data.toString('utf8'));
      return null;
    } catch {
      return 'JSON that does not parse';
    }
  }
  return 'not a report file';
}

/** The processes whose command line mentions `marker` (a private TMPDIR the browser's profile is under). */
export function processesMentioning(marker: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='])
    .toString('utf8')
    .split('\n')
    .filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}
