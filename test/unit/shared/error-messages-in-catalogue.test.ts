import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('error messages', () => {
  it('are all written in the catalogue: no other file of src/ constructs a CniError', () => {
    const outside = sources('src')
      .filter((file) => file !== join('src', 'shared', 'error-catalogue.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /\bnew\s+CniError\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(outside).toEqual([]);
  });

  it('finds a construction where there is one (the scan is not looking at nothing)', () => {
    const catalogue = readFileSync(join('src', 'shared', 'error-catalogue.ts'), 'utf8');
    expect(catalogue.match(/\bnew\s+CniError\b/g)?.length).toBeGreaterThan(50);
    expect(sources('src').length).toBeGreaterThan(100);
  });
});
