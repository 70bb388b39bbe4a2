import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildResult } from '../../../src/result/build-result.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();

describe('Istio ambient mode for a client already on Istio', () => {
  const answers = exampleAnswers('scaleup-sidecar-cost');
  const result = buildResult(answers, dataset, { draws: 50 });

  it('is costed beside the mesh the client runs, sharing istiod: not as a second mesh of its own', () => {
    expect(answers.mesh.current).toBe('istio');
    const move = result.costing.sidecarFreeMove;
    if (move === null) throw new Error('no sidecar-free move for an Istio client');
    // Its upkeep is the smaller upkeep of ambient beside Istio, not the full upkeep of ambient as a mesh of its own.
    expect(move.opsHoursPerClusterMonth).toBeLessThan(move.ownMeshOpsHoursPerClusterMonth);
    const moving = result.costing.plans.filter((p) => p.movesSidecars);
    expect(moving.length).toBeGreaterThan(0);
    for (const plan of moving) {
      const ids = plan.addons.map((a) => a.id);
      // The mesh the client runs stays, once, and ambient joins it as the move; no second full mesh is added.
      expect(
        ids.filter((id) => id === 'existing-mesh'),
        plan.option,
      ).toHaveLength(1);
      expect(ids, plan.option).toContain(dataset.sidecarFreeMove.addon);
      const ambient = plan.addons.find((a) => a.id === dataset.sidecarFreeMove.addon);
      expect(ambient?.opsHoursPerClusterMonth, plan.option).toBe(move.opsHoursPerClusterMonth);
    }
  });

  it('has no sidecar-free move for a client without a mesh', () => {
    const none = buildResult(exampleAnswers('small-team-basic'), dataset, { draws: 50 });
    expect(none.situation.mesh.current).toBe('none');
    expect(none.costing.sidecarFreeMove).toBeNull();
  });
});
