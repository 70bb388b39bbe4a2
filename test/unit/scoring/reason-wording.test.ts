import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const EXAMPLES = readdirSync(new URL('../../../examples/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

/** Every sentence the client reads about why a path wins or loses, in every bundled example. */
function sentences(name: string) {
  const result = scoreAnswers(exampleAnswers(name), dataset, { draws: 200 });
  return {
    result,
    texts: [
      ...result.recommendation.reasons,
      ...result.options.flatMap((o) => [...o.reasons, ...o.risks.map((r) => r.text)]),
    ],
  };
}

describe('the reasons read the right way round and in plain words (new-user findings, MA7)', () => {
  it.each(EXAMPLES)(
    '%s: no capability-matrix levels, no sentence that reads as the client preferring no support',
    (name) => {
      for (const text of sentences(name).texts) {
        expect(text).not.toMatch(
          /\b(enterprise|built-in|add-on|partial|none) against (enterprise|built-in|add-on|partial|none)\b/,
        );
        expect(text).not.toMatch(/\((enterprise|built-in|add-on|partial)\)/);
        expect(text).not.toMatch(/which the client prefers/);
        // A sentence continued after a colon goes on in lower case ("avoids: the team has …").
        expect(text).not.toMatch(/ avoids: (?!Cilium|Isovalent|Flannel|Calico)[A-Z][a-z]/);
        expect(text).not.toMatch(/ avoids: (cilium|isovalent|flannel|calico)/);
        expect(text).not.toMatch(/\.yaml\b|PLACEHOLDER/);
      }
    },
  );

  it('says "meets more of what the client needs" only of a rival that leaves a must unmet', () => {
    for (const name of EXAMPLES) {
      const { result, texts } = sentences(name);
      for (const text of texts) {
        const m = text.match(/ meets more of what the client needs than (.+?): /);
        if (m === null) continue;
        const rival = result.options.find((o) => o.short === m[1] || o.name === m[1]);
        expect(rival?.unmetMusts.length, `${name}: ${text}`).toBeGreaterThan(0);
      }
    }
  });

  it('names the missing vendor support as a lack the client minds', () => {
    const result = scoreAnswers(makeAnswers({ team: { vendorSupport: 'preferred' } }), dataset, {
      draws: 200,
    });
    const texts = result.options.flatMap((o) => o.risks.map((r) => r.text));
    expect(texts).toContain(
      'No SLA-backed vendor support, though the client prefers to have it: incidents are solved by the team and the community.',
    );
  });
});
