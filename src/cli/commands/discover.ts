import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { captureInstructions } from '../../discover/capture-command.js';
import { discoveredAnswersText } from '../../discover/discovered-answers-text.js';
import { readCaptureFile } from '../../discover/read-capture-file.js';
import { readLiveCluster } from '../../discover/read-live-cluster.js';
import { type ClusterFindings, recogniseCluster } from '../../discover/recognise-cluster.js';
import { summariseEstate } from '../../discover/summarise-estate.js';
import { readAnswersText } from '../../io/load-answers.js';
import { parseAnswersText } from '../../io/parse-answers-text.js';
import { formatProblem } from '../../io/problem.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import {
  cannotUpdateAnswers,
  discoveredInvalid,
  kubeconfigWithoutContext,
  noCaptures,
} from '../../shared/error-catalogue.js';
import type { CliIo } from '../cli-io.js';
import { paint } from '../paint.js';
import { placeSchemaBeside, SCHEMA_BESIDE } from '../schema-beside.js';

interface DiscoverOptions {
  out?: string;
  client?: string;
  context: string[];
  kubeconfig?: string;
  printCommand: boolean;
}

const n = (value: number) => value.toLocaleString('en-US');

/** One line per cluster for the terminal: counts and recognised names only. */
function clusterLine(f: ClusterFindings): string {
  const mesh =
    f.mesh.value === 'none'
      ? 'no mesh'
      : `${f.mesh.name} (${n(f.mesh.sidecars)} sidecars${f.mesh.ambientNodes > 0 ? `, ambient on ${n(f.mesh.ambientNodes)} nodes` : ''})`;
  return (
    `${f.source}: ${f.platform.name} (${f.clouds.value.join(', ')}), ${n(f.workers)} worker nodes` +
    `${f.controlPlaneOnly > 0 ? ` (+${n(f.controlPlaneOnly)} control-plane-only)` : ''}, ${n(f.runningPods)} running pods, ` +
    `${n(f.services)} Services, ${f.cni.name}, kube-proxy ${f.kubeProxy.value}${f.kubeProxy.confirmed ? '' : ' (not confirmed)'}, ` +
    `${mesh}, kubelet ${f.versions.map((v) => v.version).join(', ')}\n`
  );
}

/** The name a capture goes by in the evidence: its file name, or the path as given where two share one. */
function sourceNames(files: readonly string[]): string[] {
  const names = files.map((f) => basename(f));
  return files.map((f, i) => (names.filter((name) => name === names[i]).length > 1 ? f : (names[i] ?? f)));
}

export function registerDiscover(program: Command, io: CliIo): void {
  program
    .command('discover')
    .description(
      "fill the estate's answers (clusters, nodes, pods, CNI, platform, mesh) from the client's clusters",
    )
    .argument('[captures...]', 'capture files, one per cluster (see --print-command)')
    .option(
      '-o, --out <file>',
      "answers file to write; an existing one keeps everything but the estate's values",
    )
    .option('--client <name>', 'the client, for engagement.client')
    .option(
      '--context <name>',
      'read a live cluster through this kubeconfig context, read-only (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--kubeconfig <file>', 'kubeconfig for --context (default: KUBECONFIG or ~/.kube/config)')
    .option('--print-command', 'print the command to send the client, and what it collects', false)
    .addHelpText(
      'after',
      `
The client runs one read-only command per cluster and sends the files (cnireport discover --print-command
prints it); discover reads them, or a live cluster with --context, and writes the estate's values, each with
its evidence in a comment beside it. What no capture can show (compliance, team, priorities, needs) stays
at its default, marked "ask in the workshop". Nothing but counts and recognised names is written or printed.

Examples:
  $ cnireport discover --print-command
  $ cnireport discover prod.capture staging.capture --client "Acme Bank" --out acme.yaml
  $ cnireport discover --context prod-eu --out acme.yaml     # updates acme.yaml's estate only
  $ cnireport generate acme.yaml`,
    )
    .action(async (captures: string[], options: DiscoverOptions) => {
      if (options.printCommand) {
        io.out(captureInstructions());
        return;
      }
      if (captures.length === 0 && options.context.length === 0) throw noCaptures();
      if (options.kubeconfig !== undefined && options.context.length === 0) throw kubeconfigWithoutContext();
      const findings: ClusterFindings[] = [];
      const names = sourceNames(captures);
      for (const [i, file] of captures.entries())
        findings.push(recogniseCluster(names[i] ?? file, await readCaptureFile(file)));
      for (const context of options.context) {
        const { source, tally } = await readLiveCluster({
          context,
          ...(options.kubeconfig === undefined ? {} : { kubeconfig: options.kubeconfig }),
        });
        findings.push(recogniseCluster(`context ${source}`, tally));
      }
      const estate = summariseEstate(findings);

      const out = options.out;
      const existing =
        out !== undefined &&
        (await access(out).then(
          () => true,
          () => false,
        ))
          ? await readAnswersText(out)
          : undefined;
      let text: string;
      try {
        text = discoveredAnswersText({
          estate,
          sources: findings.map((f) => f.source),
          schemaRef: SCHEMA_BESIDE,
          ...(existing === undefined ? {} : { existing }),
          ...(options.client === undefined ? {} : { client: options.client }),
        });
      } catch (error) {
        throw cannotUpdateAnswers(`${out}`, error instanceof Error ? error.message : String(error));
      }
      const parsed = parseAnswersText(text, out ?? 'answers');
      if (!parsed.ok)
        throw discoveredInvalid(
          out ?? 'answers',
          parsed.problems.map(formatProblem),
          existing === undefined ? undefined : `run cnireport validate ${out} and fix the file first`,
        );

      for (const f of findings) io.err(clusterLine(f));
      for (const warning of estate.warnings)
        io.err(`${paint(io.errColor, 'yellow', 'warning:')} ${warning}\n`);
      if (options.client === undefined && existing === undefined)
        io.err(
          `${paint(io.errColor, 'yellow', 'note:')} engagement.client is a placeholder; pass --client NAME or edit it\n`,
        );
      if (out === undefined) {
        io.out(text);
        return;
      }
      await writeFileAtomic(out, text, { overwrite: true });
      const placed = existing === undefined ? await placeSchemaBeside(out) : undefined;
      const also = placed === undefined || placed.state === 'current' ? '' : ` and ${placed.path}`;
      io.err(
        `${existing === undefined ? 'wrote' : 'updated the estate in'} ${out}${also}; next: cnireport validate ${out}, then cnireport generate ${out}\n`,
      );
    });
}
