import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { formatProblem } from '../../../src/io/problem.js';

const HEAD = 'version: 1\nengagement:\n  client: Acme\n';

/** The problems as the CLI prints them, or 'ok'. */
function lines(text: string, file = 'a.yaml'): string[] | 'ok' {
  const result = parseAnswersText(text, file);
  return result.ok ? 'ok' : result.problems.map(formatProblem);
}

describe('parseAnswersText: valid input', () => {
  const examples = readdirSync(new URL('../../../examples/', import.meta.url)).filter((f) =>
    /\.ya?ml$/.test(f),
  );

  it.each(examples)('accepts examples/%s', (name) => {
    const text = readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
    expect(lines(text, name)).toBe('ok');
  });

  it('accepts the DESIGN sample and applies no surprises to it', () => {
    const text = readFileSync(new URL('../../../examples/design-sample.yaml', import.meta.url), 'utf8');
    const result = parseAnswersText(text, 'design-sample.yaml');
    expect(result.ok && result.answers.engagement.client).toBe('Acme Bank');
    expect(result.ok && result.answers.cluster.clouds).toEqual(['aws', 'on-prem']);
  });

  it('applies defaults to a minimal file', () => {
    const result = parseAnswersText(HEAD, 'a.yaml');
    expect(result.ok && result.answers.engagement.horizonYears).toBe(3);
    expect(result.ok && result.answers.cluster.nodes).toBe(10);
  });

  it('accepts JSON', () => {
    const json = JSON.stringify(
      { version: 1, engagement: { client: 'Acme' }, cluster: { nodes: 40 } },
      null,
      '\t',
    );
    const result = parseAnswersText(json, 'a.json');
    expect(result.ok && result.answers.cluster.nodes).toBe(40);
  });

  it('strips a UTF-8 BOM and reads CRLF line ends', () => {
    const result = parseAnswersText('\uFEFFversion: 1\r\nengagement:\r\n  client: Acme\r\n', 'a.yaml');
    expect(result.ok && result.answers.engagement.client).toBe('Acme');
  });
});

describe('parseAnswersText: schema problems, worded and located', () => {
  it('suggests the key a misspelt key was meant to be', () => {
    expect(lines(`${HEAD}cluster:\n  nodse: 3\n`)).toEqual([
      'a.yaml:5:3  cluster.nodse: unknown key (did you mean `nodes`?)',
    ]);
  });

  it('lists the valid keys when no key is close', () => {
    expect(lines(`${HEAD}team:\n  foo: 1\n`)).toEqual([
      'a.yaml:5:3  team.foo: unknown key (expected one of maturity, platformEngineers, ebpfExperience, vendorSupport)',
    ]);
  });

  it('reports a wrong type with the value got and the range expected', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: 12.5\n`)).toEqual([
      'a.yaml:5:10  cluster.nodes: must be an integer (got 12.5; expected an integer from 1 to 1000000)',
    ]);
    expect(lines(`${HEAD}cluster:\n  services: many\n`)).toEqual([
      'a.yaml:5:13  cluster.services: must be a number (got "many"; expected an integer from 0 to 10000000)',
    ]);
    expect(lines(`${HEAD}compliance:\n  fips: yes\n`)).toEqual([
      'a.yaml:5:9  compliance.fips: must be true or false (got "yes")',
    ]);
  });

  it('reports an out-of-range number', () => {
    expect(lines(`${HEAD}  horizonYears: 12\n`)).toEqual([
      'a.yaml:4:17  engagement.horizonYears: out of range (got 12; expected 1 to 10)',
    ]);
    expect(lines(`${HEAD}priorities:\n  cost: -1\n`)).toEqual([
      'a.yaml:5:9  priorities.cost: out of range (got -1; expected 0 to 5)',
    ]);
  });

  it('reports an invalid enum value with a suggestion', () => {
    expect(lines(`${HEAD}team:\n  maturity: expart\n`)).toEqual([
      'a.yaml:5:13  team.maturity: invalid value (got "expart"; expected one of beginner, intermediate, advanced, expert; did you mean `expert`?)',
    ]);
  });

  it('locates a bad list entry by its index', () => {
    expect(lines(`${HEAD}cluster:\n  clouds: [aws, azr]\n`)).toEqual([
      'a.yaml:5:17  cluster.clouds[1]: invalid value (got "azr"; expected one of aws, azure, gcp, oracle, ibm, alibaba, on-prem, other; did you mean `azure`?)',
    ]);
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    expect(lines('engagement:\n  preparedBy: Jane\n')).toEqual([
      'a.yaml:1:1  version: required (expected 1)',
      'a.yaml:1:1  engagement.client: required (expected text of 1 to 120 characters)',
    ]);
    expect(lines('cluster:\n  nodes: 3\nversion: 1\n')).toEqual([
      'a.yaml:1:1  engagement: required (expected a mapping)',
    ]);
  });

  it('reports lengths, list sizes, formats and refinements', () => {
    expect(lines('version: 1\nengagement:\n  client: ""\n  date: 24/11/2026\n')).toEqual([
      'a.yaml:3:11  engagement.client: blank (expected 1 to 120 characters, not counting spaces at either end)',
      'a.yaml:4:9  engagement.date: invalid format (got "24/11/2026"; expected a date written YYYY-MM-DD)',
    ]);
    expect(lines(`${HEAD}  date: 2026-02-30\n`)).toEqual([
      'a.yaml:4:9  engagement.date: invalid value (got "2026-02-30"; expected a calendar date that exists)',
    ]);
    expect(lines(`${HEAD}cluster:\n  clouds: []\n`)).toEqual([
      'a.yaml:5:3  cluster.clouds: too few entries (got 0 entries; expected 1 to 8 entries)',
    ]);
    expect(lines(`${HEAD}  preparedBy: ${'x'.repeat(200)}\n`)).toEqual([
      'a.yaml:4:15  engagement.preparedBy: too long (got 200 characters; expected at most 160 characters)',
    ]);
  });

  it('says only "must be a list" of a comma-separated string, not also that it is too long as text', () => {
    expect(lines(`${HEAD}cluster:\n  clouds: aws, azure\n`)).toEqual([
      'a.yaml:5:11  cluster.clouds: must be a list (got "aws, azure"; expected a list of 1 to 8 entries, each one of aws, azure, gcp, oracle, ibm, alibaba, on-prem, other)',
    ]);
    expect(lines(`${HEAD}compliance:\n  frameworks: pci-dss, soc2, hipaa\n`)).toEqual([
      'a.yaml:5:15  compliance.frameworks: must be a list (got "pci-dss, soc2, hipaa"; expected a list of at most 8 entries, each one of pci-dss, hipaa, soc2, iso27001, fedramp, gdpr, nis2, dora)',
    ]);
  });

  it('says a client of only spaces is blank, not "too short (got "")"', () => {
    expect(lines('version: 1\nengagement:\n  client: "   "\n')).toEqual([
      'a.yaml:3:11  engagement.client: blank (expected 1 to 120 characters, not counting spaces at either end)',
    ]);
  });

  it('refuses more clusters than worker nodes: every cluster has at least one', () => {
    expect(lines(`${HEAD}cluster:\n  clusters: 50\n  nodes: 3\n`)).toEqual([
      'a.yaml:6:10  cluster.nodes: fewer worker nodes than clusters (got 3; expected at least cluster.clusters = 50: nodes is the total across all clusters, each with at least one worker node)',
    ]);
    expect(lines(`${HEAD}cluster:\n  clusters: 3\n  nodes: 3\n`)).toBe('ok');
    // nodes defaults to 10, and the message points at the section that lacks it.
    expect(lines(`${HEAD}cluster:\n  clusters: 11\n`)).toEqual([
      'a.yaml:4:1  cluster.nodes: fewer worker nodes than clusters (got 10; expected at least cluster.clusters = 11: nodes is the total across all clusters, each with at least one worker node)',
    ]);
  });

  it('passes on cross-field messages written in the house style', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: 1\nmesh:\n  current: istio\n  sidecars: 500\n`)).toEqual([
      'a.yaml:8:13  mesh.sidecars: more sidecars than pods (got 500; expected at most cluster.nodes × cluster.podsPerNode = 30)',
    ]);
  });

  it('checks rules across sections only between valid values, so a bad node count is reported once', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: -3\n`)).toEqual([
      'a.yaml:5:10  cluster.nodes: out of range (got -3; expected 1 to 1000000)',
    ]);
  });

  it('reports a section left empty', () => {
    expect(lines(`${HEAD}needs:\n`)).toEqual(['a.yaml:4:7  needs: must be a mapping (got null)']);
  });

  it('truncates long values it quotes', () => {
    expect(lines(`${HEAD}version: [${'1, '.repeat(30)}1]\n`.replace('version: 1\n', ''))).toEqual([
      'a.yaml:3:1  version: invalid value (got [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,…; expected 1)',
    ]);
  });

  it('reports every problem, sorted by line and column', () => {
    const result = lines(
      'version: 2\nengagement:\n  client: Acme\n  horizonYears: 0\nteam:\n  maturity: guru\n  platformEngineers: -1\n',
    );
    expect(result).toEqual([
      'a.yaml:1:10  version: invalid value (got 2; expected 1)',
      'a.yaml:4:17  engagement.horizonYears: out of range (got 0; expected 1 to 10)',
      'a.yaml:6:13  team.maturity: invalid value (got "guru"; expected one of beginner, intermediate, advanced, expert)',
      'a.yaml:7:22  team.platformEngineers: out of range (got -1; expected 0 to 10000)',
    ]);
  });

  it('does not resolve keys such as constructor or __proto__ to object internals', () => {
    expect(lines(`${HEAD}cluster:\n  constructor: 1\n`)).toEqual([
      'a.yaml:5:3  cluster.constructor: unknown key (expected one of clusters, nodes, podsPerNode, services, growthPercentPerYear, clouds, currentCni, platforms, kubeProxyMode, groups)',
    ]);
  });
});

describe('parseAnswersText: YAML problems', () => {
  it('refuses a duplicate key and says where it was first set', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: 1\n  nodes: 2\n`)).toEqual([
      'a.yaml:6:3  cluster.nodes: duplicate key (already set on line 5; expected each key once)',
    ]);
  });

  it('refuses a duplicate key in JSON too', () => {
    expect(lines('{"version": 1, "engagement": {"client": "x", "client": "y"}}', 'a.json')).toEqual([
      'a.json:1:46  engagement.client: duplicate key (already set on line 1; expected each key once)',
    ]);
  });

  it('locates a schema problem in JSON', () => {
    expect(
      lines('{\n  "version": 1,\n  "engagement": {"client": "x", "horizonYears": 0}\n}\n', 'a.json'),
    ).toEqual(['a.json:3:49  engagement.horizonYears: out of range (got 0; expected 1 to 10)']);
  });

  it('reports bad indentation', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: 1\n clusters: 2\n`)).toEqual([
      'a.yaml:6:1  invalid YAML: all mapping items must start at the same column (expected the keys of one mapping at the same column, each `key: value` on its own line)',
    ]);
  });

  it('points an unclosed quote at where it opens', () => {
    expect(lines('version: 1\nengagement:\n  client: "Acme\n  preparedBy: Jane\n')).toEqual([
      'a.yaml:3:11  invalid YAML: quoted text never closed (expected a closing ")',
    ]);
  });

  it('refuses tabs as indentation', () => {
    expect(lines('version: 1\nengagement:\n\tclient: Acme\n')).toEqual([
      'a.yaml:3:1  invalid YAML: tabs are not allowed as indentation (expected spaces)',
    ]);
  });

  it('refuses an alias bomb before expanding it', () => {
    let bomb = `${HEAD}z0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 10; i++)
      bomb += `z${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expect(lines(bomb)).toEqual([
      'a.yaml:5:10  invalid YAML: too many alias expansions (expected at most 50)',
    ]);
  });

  it('refuses an alias to an unknown anchor', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: *n\n`)).toEqual([
      'a.yaml:5:10  invalid YAML: alias to an unknown anchor (expected the &anchor before its *alias)',
    ]);
  });

  it.each([
    ['flow lists', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'a.yaml:1:65'],
    ['compact block lists', `${'- '.repeat(5000)}x\n`, 'a.yaml:1:129'],
    ['flow mappings', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`, 'a.yaml:1:257'],
  ])('refuses 5,000-deep %s at the nesting limit, without a stack overflow', (_, text, where) => {
    expect(lines(text)).toEqual([
      `${where}  nested more than ${MAX_NESTING_DEPTH} levels deep (expected sections of plain keys and values)`,
    ]);
  });

  it('refuses an empty file and a file of comments', () => {
    const empty = [
      'a.yaml:1:1  empty answers file (expected a mapping with at least version: 1 and engagement.client)',
    ];
    expect(lines('')).toEqual(empty);
    expect(lines('# to do\n\n')).toEqual(empty);
    expect(lines('\uFEFF')).toEqual(empty);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(lines('- version: 1\n')).toEqual([
      'a.yaml:1:1  the answers file must be a mapping (got a list; expected keys such as version and engagement)',
    ]);
    expect(lines('Acme Bank\n')).toEqual([
      'a.yaml:1:1  the answers file must be a mapping (got "Acme Bank"; expected keys such as version and engagement)',
    ]);
  });

  it('refuses several documents in one file', () => {
    expect(lines(`${HEAD}---\n${HEAD}`)).toEqual([
      'a.yaml:4:1  more than one YAML document (expected one answers document per file)',
    ]);
  });

  it('refuses custom tags and non-scalar keys', () => {
    expect(lines(`${HEAD}cluster:\n  nodes: !big 12\n`)).toEqual([
      'a.yaml:5:10  invalid YAML: unsupported tag !big (expected plain values)',
    ]);
    expect(lines(`${HEAD}[a, b]: 1\n`)).toEqual([
      'a.yaml:4:1  keys must be plain names (got a list or mapping)',
    ]);
  });

  it('counts lines and columns correctly with a BOM and CRLF line ends', () => {
    expect(lines('\uFEFFversion: 1\r\nengagement:\r\n  client: Acme\r\n  currency: usd\r\n')).toEqual([
      'a.yaml:4:13  engagement.currency: invalid value (got "usd"; expected one of USD, EUR, GBP, CHF, SEK, NOK, DKK, PLN; did you mean `USD`?)',
    ]);
  });
});
