import { STARTER_ANSWERS } from '../questionnaire/starter-answers.js';
import type { Answers } from '../schema/answers.js';
import { formatNumber } from '../shared/format.js';

/** An answer that is valid but probably not what the consultant meant: worth a look, not a refusal. */
export interface AnswersWarning {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What `cnireport init` writes as the client, so the file validates before anything is typed. */
const PLACEHOLDER_CLIENT = STARTER_ANSWERS.engagement?.client?.toLowerCase();

/**
 * The sizes Kubernetes is designed for: "no more than 110 pods per node, no more than 5,000 nodes, no more
 * than 150,000 total pods" (Considerations for large clusters, https://kubernetes.io/docs/setup/best-practices/cluster-large/).
 * Larger clusters exist, but an answers file beyond them is more often a total typed as a per-cluster figure
 * or a spare zero, and every cost in the report scales with it.
 */
const MAX_NODES_PER_CLUSTER = 5_000;
const MAX_PODS_PER_NODE = 110;
const MAX_PODS_PER_CLUSTER = 150_000;
/** The largest estate the answers accept today (cluster.nodes); growth past it gives figures no one reads. */
const MAX_NODES = 1_000_000;

const LARGE_CLUSTERS = 'https://kubernetes.io/docs/setup/best-practices/cluster-large/';

/**
 * Valid answers that are implausible together, each with the path to look at: the `init` placeholder still
 * standing as the client, clusters beyond the sizes Kubernetes is designed for, or growth that takes the
 * estate past a million nodes within the horizon. Pure; the commands print them as warnings.
 */
export function answersWarnings(answers: Answers): AnswersWarning[] {
  const warnings: AnswersWarning[] = [];
  const { client, horizonYears } = answers.engagement;
  const { clusters, nodes, podsPerNode, growthPercentPerYear } = answers.cluster;
  const n = formatNumber;
  const clusterNoun = (count: number) => `${n(count)} ${count === 1 ? 'cluster' : 'clusters'}`;

  if (client.trim().toLowerCase() === PLACEHOLDER_CLIENT) {
    warnings.push({
      path: ['engagement', 'client'],
      message: `still "${client}", the placeholder cnireport init wrote (expected the client's organisation: the report's cover, title and folder are named after it)`,
    });
  }
  const nodesPerCluster = nodes / clusters;
  if (nodesPerCluster > MAX_NODES_PER_CLUSTER) {
    warnings.push({
      path: ['cluster', 'nodes'],
      message: `${n(nodes)} nodes in ${clusterNoun(clusters)} is ${n(nodesPerCluster)} per cluster, above the ${n(MAX_NODES_PER_CLUSTER)} a Kubernetes cluster is designed for (${LARGE_CLUSTERS}); cluster.nodes is the total across all clusters`,
    });
  }
  if (podsPerNode > MAX_PODS_PER_NODE) {
    warnings.push({
      path: ['cluster', 'podsPerNode'],
      message: `${n(podsPerNode)} pods per node is above the ${MAX_PODS_PER_NODE} a node runs by default (kubelet maxPods) and Kubernetes is designed for (${LARGE_CLUSTERS}); right only where the nodes are configured for more`,
    });
  }
  const podsPerCluster = nodesPerCluster * podsPerNode;
  if (podsPerCluster > MAX_PODS_PER_CLUSTER) {
    warnings.push({
      path: ['cluster', 'podsPerNode'],
      message: `${n(nodes)} nodes × ${n(podsPerNode)} pods in ${clusterNoun(clusters)} is ${n(podsPerCluster)} pods per cluster, above the ${n(MAX_PODS_PER_CLUSTER)} a Kubernetes cluster is designed for (${LARGE_CLUSTERS})`,
    });
  }
  const finalNodes = nodes * (1 + growthPercentPerYear / 100) ** (horizonYears - 1);
  const growth = `at ${n(growthPercentPerYear, 1)} % a year, ${n(nodes)} nodes grow to ${n(finalNodes)} by year ${horizonYears}`;
  if (finalNodes > MAX_NODES) {
    warnings.push({
      path: ['cluster', 'growthPercentPerYear'],
      message: `${growth}, more than the ${n(MAX_NODES)} nodes an answers file accepts; every recurring cost grows with it`,
    });
  } else if (finalNodes / clusters > MAX_NODES_PER_CLUSTER && nodesPerCluster <= MAX_NODES_PER_CLUSTER) {
    warnings.push({
      path: ['cluster', 'growthPercentPerYear'],
      message: `${growth}${clusters === 1 ? '' : `, ${n(finalNodes / clusters)} per cluster`}, above the ${n(MAX_NODES_PER_CLUSTER)} a Kubernetes cluster is designed for (${LARGE_CLUSTERS}); the model keeps ${clusterNoun(clusters)}, so the cost of running more is not counted`,
    });
  }
  return warnings;
}
