import { copyFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBrand } from '../../../src/io/load-brand.js';
import type { FuzzTarget } from './fuzz-target.js';
import { timed } from './timed.js';

/** The example brand file; its logo is copied beside each fuzzed brand file so that valid cases load. */
export const EXAMPLE_BRAND = fileURLToPath(new URL('../../../examples/brand/brand.yaml', import.meta.url));

/** The brand loader: read, decode, parse and validate a brand file, and inline its logo. */
export function brandTarget(dir: string): FuzzTarget {
  const file = join(dir, 'brand.yaml');
  copyFileSync(join(EXAMPLE_BRAND, '..', 'logo.svg'), join(dir, 'logo.svg'));
  return {
    name: 'brand loader',
    file,
    checkValue: (value) => {
      const brand = value as { primaryColor?: unknown; logoDataUri?: unknown };
      const found: string[] = [];
      if (typeof brand.primaryColor !== 'string' || !/^#[0-9a-f]{6}$/.test(brand.primaryColor))
        found.push(`accepted brand has primaryColor ${String(brand.primaryColor)}`);
      if (brand.logoDataUri !== null && !String(brand.logoDataUri).startsWith('data:image/'))
        found.push('accepted brand has a logo that is no image data URI');
      return found;
    },
    run: async (content) => {
      await writeFile(file, content);
      return timed(() => loadBrand(file));
    },
  };
}
