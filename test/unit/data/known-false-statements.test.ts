import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

/**
 * Statements a domain review (1 December 2026) found false or outdated, which no report may print again. A row is
 * a pattern matched against one sentence of the report's text at a time, and, where the same words can be said
 * truly, the words that make the sentence true. Add a row whenever a reviewer finds another.
 */
const KNOWN_FALSE: readonly {
  readonly pattern: RegExp;
  readonly unlessSentenceHas?: RegExp;
  readonly why: string;
}[] = [
  {
    pattern: /no vendor (sells|offers|supports) Flannel/i,
    why: 'SUSE supports k3s and RKE2, which ship Flannel (k3s) and Canal (RKE2)',
  },
  {
    pattern: /Isovalent Enterprise for Cilium/,
    unlessSentenceHas: /formerly/i,
    why: 'the product is Isovalent Networking for Kubernetes; the old name only once, as "formerly"',
  },
  {
    pattern: /mutual[- ]authentication/i,
    unlessSentenceHas: /deprecat/i,
    why: 'Cilium mutual authentication is deprecated in 1.20 (cilium/cilium#47132); never a place to move mTLS',
  },
  {
    pattern: /PCI[- ]DSS and HIPAA require/i,
    why: 'neither standard requires segmentation; name one framework',
  },
  {
    pattern: /segmentation is (a )?(required|requirement) (by|of|in) PCI/i,
    why: 'PCI SSC: network segmentation is not a PCI DSS requirement',
  },
  {
    pattern: /PCI DSS requires?[^.]*segment/i,
    why: 'PCI SSC: network segmentation is not a PCI DSS requirement',
  },
  { pattern: /PCI-DSS/, why: 'the standard is spelt "PCI DSS"' },
  {
    pattern: /WireGuard (and|or) IPsec backends/i,
    why: "Flannel's IPsec backend is experimental and unsupported (backends.md, v0.28.9)",
  },
  {
    pattern: /Flannel[^.]*\bIPsec\b/i,
    unlessSentenceHas: /experimental/i,
    why: "Flannel's IPsec backend is experimental and unsupported",
  },
  {
    pattern: /Cilium['’]s Tetragon|Tetragon,? (is )?(part of|built into|included in|bundled with) Cilium/i,
    why: 'Tetragon is a separate, CNI-independent project',
  },
  {
    pattern: /(DNS|FQDN)[^.]*through the per-node Envoy/i,
    why: 'DNS/FQDN policy is enforced by the DNS proxy inside the Cilium agent, not Envoy',
  },
  { pattern: /young kubernetes-sigs controller/i, why: 'kube-network-policies reached v1.0.0 in 2026' },
  { pattern: /about a year of support/i, why: 'each Cilium minor gets about 18 months of support' },
  { pattern: /design seed/i, why: 'not a public source' },
  { pattern: /ldelossa/i, why: 'a personal fork, not an Isovalent source' },
  {
    pattern: /No flow records exist to retain/i,
    why: 'Retina gives Hubble flow logs on any CNI (microsoft/retina docs)',
  },
];

/** The report's text, one sentence per entry, from HTML (tags, scripts and styles left out) or Markdown. */
function sentences(text: string): string[] {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&rsquo;/g, '’')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"(])/);
}

const outDir = await mkdtemp(join(tmpdir(), 'cnireport-false-'));
const reports = new Map<string, string>();

beforeAll(async () => {
  for (const name of EXAMPLES) {
    let err = '';
    const io = { out: () => {}, err: (t: string) => (err += t), outColor: false, errColor: false };
    const args = ['generate', `examples/${name}.yaml`, '--out', join(outDir, name), '--format', 'html,md'];
    const code = await run(['node', 'cnireport', ...args], io);
    if (code !== 0) throw new Error(`generate ${name} exited ${code}: ${err}`);
    const [slug] = await readdir(join(outDir, name));
    const folder = join(outDir, name, slug ?? '');
    reports.set(`${name}/report.html`, await readFile(join(folder, 'report.html'), 'utf8'));
    reports.set(`${name}/report.md`, await readFile(join(folder, 'report.md'), 'utf8'));
  }
}, 240_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('no example report repeats a statement known to be false', () => {
  it('reads the HTML and Markdown of every example', () => {
    expect([...reports.keys()].sort()).toHaveLength(EXAMPLES.length * 2);
    for (const [report, text] of reports) {
      expect(sentences(text).length, report).toBeGreaterThan(report.endsWith('.html') ? 100 : 5);
    }
  });

  it.each(KNOWN_FALSE)('never says $pattern ($why)', ({ pattern, unlessSentenceHas }) => {
    const hits: string[] = [];
    for (const [report, text] of reports) {
      for (const sentence of sentences(text)) {
        if (pattern.test(sentence) && !(unlessSentenceHas?.test(sentence) ?? false)) {
          hits.push(`${report}: ${sentence.slice(0, 160)}`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it('names the product by its current name, and its former name once at most per report', () => {
    for (const [report, text] of reports) {
      const all = sentences(text).join(' ');
      expect(all, report).toMatch(/Isovalent Networking for Kubernetes/);
      expect((all.match(/Isovalent Enterprise for Cilium/g) ?? []).length, report).toBeLessThanOrEqual(1);
    }
  });
});
