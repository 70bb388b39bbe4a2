import type { CNIS } from '../schema/answers.js';

/** Why a group of an estate stays on its own CNI on a path it does not take. */
export type GroupStayFact =
  | {
      /** The path is offered only to other CNIs than the group's, so the group keeps its own (add-ons may come). */
      readonly kind: 'keeps-only-others';
      readonly params: {
        readonly group: string;
        readonly cni: (typeof CNIS)[number];
        /** The group's CNI by the name its provider gives it (GKE Dataplane V2), else the CNI's. */
        readonly current: string;
      };
    }
  | {
      /** The group's platform does not allow the path's CNI. */
      readonly kind: 'platform-excludes';
      readonly params: {
        readonly platform: string;
        readonly note: string;
        readonly group: string;
        readonly cni: (typeof CNIS)[number];
        readonly current: string;
      };
    };

/** "RKE2 does not allow it (…), so RKE2 on premises stays on Canal." */
export function groupStayText(fact: GroupStayFact): string {
  const { group, current } = fact.params;
  switch (fact.kind) {
    case 'keeps-only-others':
      // Said without the path's name: a stay path's short name ("current CNI") does not read as a subject.
      return `${group} keeps ${current}, as this path keeps the CNI each group runs.`;
    case 'platform-excludes':
      return `${fact.params.platform} does not allow it (${fact.params.note.trim()}), so ${group} stays on ${current}.`;
  }
}
