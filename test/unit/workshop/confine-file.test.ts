import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confineAnswersFile } from '../../../src/workshop/confine-file.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'cnireport-confine-')));
const folder = join(base, 'client');
mkdirSync(join(folder, 'sub'), { recursive: true });
mkdirSync(join(base, 'other'));
symlinkSync(join(base, 'other'), join(folder, 'away'));
writeFileSync(join(base, 'other', 'x.yaml'), '');
symlinkSync(join(base, 'other', 'x.yaml'), join(folder, 'linked.yaml'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('confineAnswersFile', () => {
  it('accepts a YAML file name in the folder itself', async () => {
    expect(await confineAnswersFile(folder, 'acme.yaml')).toBe(join(folder, 'acme.yaml'));
    expect(await confineAnswersFile(folder, ' acme.yml ')).toBe(join(folder, 'acme.yml'));
  });

  it.each([
    ['', /a file name is needed/],
    ['../acme.yaml', /no \.\./],
    ['sub/../../acme.yaml', /no \.\./],
    ['./acme.yaml', /no \.\./],
    ['/etc/acme.yaml', /not an absolute path/],
    ['C:\\acme.yaml', /not an absolute path/],
    ['away/acme.yaml', /not in a subfolder/],
    ['sub/acme.yaml', /not in a subfolder/],
    ['.github/workflows/ci.yml', /not in a subfolder/],
    ['.hidden.yaml', /hidden file/],
    ['linked.yaml', /symbolic link/],
    ['missing/acme.yaml', /not in a subfolder/],
    ['acme.txt', /ends in \.yaml or \.yml/],
    ['sub', /ends in \.yaml/],
  ])('refuses %j', async (name, why) => {
    await expect(confineAnswersFile(folder, name)).rejects.toThrow(why);
  });
});
