import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { capabilityHeatmapDescription } from '../../../src/charts/specs/capability-heatmap.js';
import { LINE_BREAK } from '../../../src/charts/specs/multiline-label.js';
import { scoreBreakdownDescription, scoreBreakdownSpec } from '../../../src/charts/specs/score-breakdown.js';
import { score } from '../../../src/index.js';
import { AnswersSchema } from '../../../src/schema/answers.js';

/** A GKE client: Flannel cannot run on GKE, which rules it out whatever needs it meets. */
const gke = score(
  AnswersSchema.parse(
    parse(
      readFileSync(
        new URL('../scoring/platform-situations/gke-standard-egress.yaml', import.meta.url),
        'utf8',
      ),
    ),
  ),
);

describe('score breakdown of a path the platform rules out', () => {
  it('has a path ruled out by the platform alone', () => {
    const flannel = gke.options.find((o) => o.id === 'flannel');
    expect(flannel?.disqualified).toBe(true);
    expect(flannel?.unmetMusts).toEqual([]);
    expect(flannel?.excludedBy.length).toBeGreaterThan(0);
  });

  it('labels it with the platform, not an empty "Ruled out:" or an unmet must it does not have', () => {
    const spec = JSON.stringify(scoreBreakdownSpec(gke));
    expect(spec).toContain(`Flannel (with add-ons)${LINE_BREAK}Ruled out: cannot run on Google`);
    expect(spec).not.toMatch(/Ruled out:(\\n|")/);
    const description = scoreBreakdownDescription(gke);
    expect(description).toMatch(
      /Flannel \(with add-ons\) \d+ \(ruled out: it cannot run on Google Kubernetes Engine\)/,
    );
    expect(description).not.toContain('unmet must');
  });

  it('says beside the capabilities it meets that it cannot run on the platform', () => {
    expect(capabilityHeatmapDescription(gke)).toContain(
      'Flannel (with add-ons) meets all but cannot run on Google Kubernetes Engine',
    );
  });
});
