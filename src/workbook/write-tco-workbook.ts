import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BuiltResult } from '../result/result-schema.js';
import type { EngineResult } from '../result/result-types.js';
import { TCO_CATEGORIES, TCO_CATEGORY_LABELS, type TcoCategory } from '../schema/tco-categories.js';
import { InternalError } from '../shared/errors.js';
import { formatMoney, unitFor } from '../shared/format.js';
import { HOURS_PER_TRAINING_DAY, HOURS_PER_YEAR } from '../shared/units.js';

type Plan = BuiltResult['costing']['baseline'];

/**
 * tco.xlsx: the TCO of every option as live formulas. Assumptions holds every input (named, so a formula reads
 * `engineerCostPerYear`, not a cell address); each option's sheet derives its year-by-year cost by category from
 * them exactly as the engine does (src/scoring/compute-tco.ts), each category-year rounded to whole units as
 * result.json rounds it; Summary adds up the option sheets. Change an input and every total moves.
 */
export async function writeTcoWorkbook(result: BuiltResult, isoDate: string): Promise<Uint8Array> {
  const costed = result.costing;
  const date = new Date(`${isoDate}T00:00:00Z`);
  const book = new ExcelJS.Workbook();
  book.creator = 'cnireport';
  book.created = date;
  book.modified = date;
  const money = moneyFormat(result.currency.code);
  // A sheet per option, named after it (its short name when the full one passes Excel's 31 characters).
  const sheetNames = new Map<string, string>();
  for (const option of result.options) {
    sheetNames.set(option.id, sheetName(option.name.length <= 31 ? option.name : option.short));
  }

  // Summary first (what finance opens the file for), then Assumptions, then the options, recommended first.
  const summary = book.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 3 }] });
  assumptionsSheet(book, result);
  const totalRows = new Map<string, number>();
  for (const option of result.options) {
    const plan = costed.plans.find((p) => p.option === option.id);
    if (plan === undefined) throw new InternalError(`no plan for ${option.id}`);
    const name = sheetNames.get(option.id) ?? option.id;
    totalRows.set(option.id, optionSheet(book, name, option.name, plan, result, money));
  }
  sheetNames.set(BASELINE_SHEET, BASELINE_SHEET);
  totalRows.set(
    BASELINE_SHEET,
    optionSheet(book, BASELINE_SHEET, BASELINE_SHEET, costed.baseline, result, money),
  );
  printSetUp(book);
  summarySheet(summary, result, sheetNames, totalRows, result.engagement.horizonYears, money);

  const written = new Uint8Array(await book.xlsx.writeBuffer());
  return restamp(written, date);
}

/** GB per MiB as a formula, so the sheet shows where the factor comes from (`GB_PER_MIB` in src/shared/units). */
const GB_PER_MIB = '(2^20/10^9)';
/** A factor in a formula, left out where it is 1. */
const times = (share: number) => (share === 1 ? '' : `*${share}`);

/** Sheet names are at most 31 characters, without []:*?/\ . */
function sheetName(name: string): string {
  return name
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function moneyFormat(currency: string): string {
  const symbol = formatMoney(0, currency).replace(/[\d.,\s]/g, '');
  return `"${symbol}"#,##0`;
}

const HEADER_FONT = { bold: true, name: 'Arial' } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };

/** The named inputs of the estate and the team, beside the cost parameters. */
interface EstateInput {
  readonly name: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

function estateInputs(result: BuiltResult): EstateInput[] {
  const { cluster, mesh, team } = result.situation;
  const { factors } = result.costing;
  const currency = result.currency.code;
  const answer = 'the client’s answers';
  return [
    {
      name: 'Clusters',
      label: 'Clusters',
      value: cluster.clusters,
      unit: 'clusters',
      source: answer,
    },
    {
      name: 'Nodes',
      label: 'Worker nodes today',
      value: cluster.nodes,
      unit: 'nodes',
      source: answer,
    },
    {
      name: 'Services',
      label: 'Kubernetes Services today',
      value: cluster.services,
      unit: 'Services',
      source: answer,
    },
    {
      name: 'GrowthPercent',
      label: 'Node growth per year',
      value: cluster.growthPercentPerYear,
      unit: '% a year',
      source: answer,
    },
    {
      name: 'Sidecars',
      label: 'Pods running a sidecar proxy today',
      value: mesh.sidecars,
      unit: 'sidecars',
      source: answer,
    },
    {
      name: 'Engineers',
      label: 'Platform engineers',
      value: team.platformEngineers,
      unit: 'engineers',
      source: answer,
    },
    {
      name: 'PerUsd',
      label: `${currency} per US dollar (add-on licences are priced in USD)`,
      value: result.currency.perUsd,
      unit: `${currency} per USD`,
      source: 'exchange rate in the data set',
    },
    {
      name: 'MaturityFactor',
      label: `Operations effort factor for a team of ${team.maturity} maturity`,
      value: factors.maturityOps,
      unit: 'factor',
      source: 'decision model in the data set',
    },
    {
      name: 'EbpfOpsFactor',
      label: `Operations effort factor on an eBPF data plane, eBPF experience ${team.ebpfExperience}`,
      value: factors.ebpfOps,
      unit: 'factor',
      source: 'decision model in the data set',
    },
    {
      name: 'EbpfTrainingShare',
      label: `Share of the Cilium training still needed, eBPF experience ${team.ebpfExperience}`,
      value: factors.ebpfTraining,
      unit: 'share',
      source: 'decision model in the data set',
    },
    {
      name: 'KubeProxyModeFactor',
      label: `kube-proxy CPU per Service factor in ${factors.kubeProxyMode.mode} mode`,
      value: factors.kubeProxyMode.factor,
      unit: 'factor',
      source: factors.kubeProxyMode.source,
    },
    {
      name: 'KubeProxyModeFactorAfterMove',
      label: `kube-proxy CPU per Service factor in ${factors.kubeProxyModeAfterMove.mode} mode, after a move off IPVS`,
      value: factors.kubeProxyModeAfterMove.factor,
      unit: 'factor',
      source: factors.kubeProxyModeAfterMove.source,
    },
  ];
}

function assumptionsSheet(book: ExcelJS.Workbook, result: BuiltResult): void {
  const sheet = book.addWorksheet('Assumptions', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value = `Inputs of the TCO for ${result.engagement.client}, in ${result.currency.code}`;
  sheet.getCell('A1').font = { bold: true, size: 13, name: 'Arial' };
  const header = sheet.getRow(3);
  header.values = ['Input', 'Value', 'Unit', 'Low', 'High', 'Basis', 'Set by the client', 'Source', 'Name'];
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  let row = 4;
  for (const p of result.assumptions) {
    sheet.getRow(row).values = [
      p.description.replace(/\.$/, ''),
      p.value,
      unitCell(p.unit, p.value, row),
      p.low,
      p.high,
      p.kind,
      p.origin === 'default' ? 'no' : 'yes',
      p.source,
      p.key,
    ];
    book.definedNames.add(`'Assumptions'!$B$${row}`, p.key);
    row += 1;
  }
  row += 1;
  sheet.getCell(`A${row}`).value = 'The estate, the team and the model';
  sheet.getCell(`A${row}`).font = HEADER_FONT;
  row += 1;
  for (const input of estateInputs(result)) {
    sheet.getRow(row).values = [
      input.label,
      input.value,
      unitCell(input.unit, input.value, row),
      null,
      null,
      null,
      null,
      input.source,
      input.name,
    ];
    book.definedNames.add(`'Assumptions'!$B$${row}`, input.name);
    row += 1;
  }
  sheet.columns = [
    { width: 70 },
    { width: 14, style: { numFmt: '#,##0.#####' } },
    { width: 30 },
    { width: 12, style: { numFmt: '#,##0.#####' } },
    { width: 12, style: { numFmt: '#,##0.#####' } },
    { width: 12 },
    { width: 10 },
    { width: 90 },
    { width: 34 },
  ];
}

/**
 * The unit beside an editable value, singular while the value is exactly one ("1 day per engineer"): a formula
 * on the value's cell, so the word follows the client's edit.
 */
function unitCell(unit: string, value: number, row: number): ExcelJS.CellValue {
  const one = unitFor(1, unit);
  if (one === unit) return unit;
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return { formula: `IF(B${row}=1,${quoted(one)},${quoted(unit)})`, result: unitFor(value, unit) };
}

/** One line of an option's inputs: a formula over Assumptions, or a figure of its stack from the data set. */
interface InputLine {
  readonly label: string;
  readonly value: ExcelJS.CellValue;
  readonly note: string;
  readonly format?: string;
}

/** Adds a line to the inputs and returns the absolute address of its value, for the formulas below it. */
type AddLine = (label: string, value: ExcelJS.CellValue, note: string, format?: string) => string;

const f = (formula: string): ExcelJS.CellValue => ({ formula });

/** The addresses of the inputs the year-by-year formulas read. */
interface InputCells {
  readonly subscription: string;
  readonly opsHours: string;
  readonly hourly: string;
  readonly cpu: string;
  readonly mem: string;
  readonly clusterCpu: string;
  readonly clusterMem: string;
  readonly kubeProxy: string;
  readonly licenceUsd: string;
  readonly kept: string;
  readonly sidecarCost: string;
  readonly cniHours: string;
  readonly kubeProxyHours: string;
  readonly ipvsHours: string;
  readonly setupHours: string;
  readonly meshHours: string;
  readonly ictContractHours: string;
  readonly ictUpkeepHours: string;
  readonly ictExtensionHours: string;
  readonly training: string;
}

/** Writes one option's sheet; returns the row of its yearly totals. */
function optionSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  plan: Plan,
  result: BuiltResult,
  money: string,
): number {
  const sheet = book.addWorksheet(name);
  sheet.getCell('A1').value = `${title}: how the TCO is built`;
  sheet.getCell('A1').font = { bold: true, size: 13, name: 'Arial' };

  // How this option is run: each line a formula over Assumptions, or a figure of its stack from the data set.
  const lines: InputLine[] = [];
  const add: AddLine = (label, value, note, format) => {
    lines.push({ label, value, note, ...(format === undefined ? {} : { format }) });
    return `$B$${3 + lines.length}`;
  };
  const running = runningInputs(add, plan, result, money);
  const cells: InputCells = { ...running, ...migrationInputs(add, plan, running.hourly, money) };
  lines.forEach((line, i) => {
    const r = sheet.getRow(4 + i);
    r.getCell(1).value = line.label;
    r.getCell(2).value = line.value;
    r.getCell(3).value = line.note;
    if (line.format !== undefined) r.getCell(2).numFmt = line.format;
  });
  sheet.getCell('A3').value = 'How this option is run';
  sheet.getCell('A3').font = HEADER_FONT;

  const horizon = result.engagement.horizonYears;
  const total = yearByYear(sheet, 4 + lines.length + 2, horizon, cells, plan.movesOffIpvsInYear, money);
  sheet.columns = [{ width: 52 }, ...Array.from({ length: horizon + 1 }, () => ({ width: 16 }))];
  sheet.getColumn(3).width = Math.max(16, ...lines.map((l) => Math.min(90, l.note.length + 2)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return total;
}

/** What the option's stack adds up to from the data set: add-on hours, per-node footprint and licences. */
function stackFigures(plan: Plan) {
  let addonOps = 0;
  let addonSetup = 0;
  let millicores = plan.perNode.cpuMillicores;
  let mib = plan.perNode.memoryMiB;
  let licence = 0;
  for (const a of plan.addons) {
    addonOps += a.opsHoursPerClusterMonth;
    millicores += a.perNode.cpuMillicores;
    mib += a.perNode.memoryMiB;
    licence += a.licencePerNodeYear;
  }
  for (const a of plan.newAddons) addonSetup += a.setupHoursPerCluster;
  for (const e of plan.extras) {
    millicores += e.perNode.cpuMillicores;
    mib += e.perNode.memoryMiB;
  }
  return { addonOps, addonSetup, millicores, mib, licence };
}

/** The inputs of running the option: subscription, operations, footprint, licences and sidecars. */
function runningInputs(add: AddLine, plan: Plan, result: BuiltResult, money: string) {
  const { addonOps, millicores, mib, licence } = stackFigures(plan);
  const addonNames = plan.addons.map((a) => a.name).join(', ') || 'none';
  const subscription = add(
    'Subscription per node-year',
    plan.subscriptionKey === null ? 0 : f(plan.subscriptionKey),
    plan.subscriptionKey === null ? 'no subscription' : 'Assumptions',
    money,
  );
  const core = add('Operations hours per cluster-month for the CNI', f(plan.opsKey), 'Assumptions');
  const ebpf = add(
    'eBPF experience factor',
    plan.ebpfDataPlane ? f('EbpfOpsFactor') : 1,
    plan.ebpfDataPlane ? 'eBPF data plane' : 'not an eBPF data plane',
  );
  const vendor = add(
    'Share of operations effort left with vendor support',
    plan.supportEffortKey === null ? 1 : f(plan.supportEffortKey),
    plan.supportEffortKey === null ? 'no vendor support' : 'Assumptions',
  );
  const addons = add('Add-on operations hours per cluster-month', addonOps, `add-ons: ${addonNames}`);
  // Where the provider runs and upgrades the agent, the team keeps a share of the CNI's upkeep (platforms.yaml).
  const managed = plan.upkeepShare !== 1;
  const opsHours = add(
    'Operations hours per month, whole estate',
    f(
      `(1+(Clusters-1)*fleetMarginalClusterShare)*MaturityFactor*(${core}*${ebpf}*${vendor}${times(plan.upkeepShare)}+${addons})`,
    ),
    `fleet (first cluster + share per further cluster) × maturity factor × (CNI hours × eBPF factor × vendor share${managed ? ` × ${plan.upkeepShare} of the upkeep, as the provider runs the agent` : ''} + add-on hours)`,
  );
  const hourly = add(
    'Engineer cost per hour',
    f('engineerCostPerYear/engineerHoursPerYear'),
    'loaded cost / productive hours',
    money,
  );
  const cpu = add(
    'Network-layer CPU per node, millicores',
    millicores,
    'agents and add-ons, from the data set',
  );
  const mem = add('Network-layer memory per node, MiB', mib, 'agents and add-ons, from the data set');
  const clusterCpu = add(
    'Per-cluster pods of add-ons, millicores per cluster',
    plan.addons.reduce((sum, a) => sum + a.perCluster.cpuMillicores, 0),
    'waypoint proxies at their chart requests, from the data set',
  );
  const clusterMem = add(
    'Per-cluster pods of add-ons, MiB per cluster',
    plan.addons.reduce((sum, a) => sum + a.perCluster.memoryMiB, 0),
    'waypoint proxies at their chart requests, from the data set',
  );
  const kubeProxy = add(
    'kube-proxy runs on this path (1 yes, 0 no)',
    plan.replacesKubeProxy ? 0 : 1,
    plan.replacesKubeProxy ? 'replaced by the CNI' : 'kube-proxy kept',
  );
  const licenceUsd = add(
    'Add-on licences per node-year, USD',
    licence,
    `from the data set, in US dollars; Tooling converts them at the ${result.engagement.currency} per US dollar on Assumptions`,
  );
  const kept = add(
    'Share of today’s sidecars still running',
    plan.movesSidecars ? f('1-sidecarsRemovedWithCiliumPercent/100') : 1,
    plan.movesSidecars ? 'the sidecar-free mesh removes the rest' : 'sidecars stay',
  );
  const sidecarCost = add(
    'Cost of one sidecar a year',
    f(
      `(sidecarCpuMillicores/1000*vcpuHourPrice+sidecarMemoryMiB*${GB_PER_MIB}*memoryGbHourPrice)*${HOURS_PER_YEAR}`,
    ),
    'CPU and memory it reserves, all year',
    money,
  );
  return {
    subscription,
    opsHours,
    hourly,
    cpu,
    mem,
    clusterCpu,
    clusterMem,
    kubeProxy,
    licenceUsd,
    kept,
    sidecarCost,
  };
}

/** The one-off inputs: migration hours, the DORA contracting of new ICT providers, and training. */
function migrationInputs(add: AddLine, plan: Plan, hourly: string, money: string) {
  const { addonSetup } = stackFigures(plan);
  const cniHours = add(
    'Migration hours: moving the CNI',
    plan.migratesCni
      ? f(
          `(migrationHoursPerCluster*Clusters${times(plan.migrationShares.cluster)}+migrationHoursPerNode*Nodes${times(plan.migrationShares.node)})*MaturityFactor`,
        )
      : 0,
    plan.migratesCni ? 'node by node, every cluster' : 'the CNI stays',
  );
  const kubeProxyHours = add(
    'Migration hours: removing kube-proxy',
    plan.removesKubeProxy ? f('kubeProxyRemovalHoursPerCluster*Clusters*MaturityFactor') : 0,
    plan.removesKubeProxy ? 'a rollout of its own' : 'nothing to remove',
  );
  const ipvsYear = plan.movesOffIpvsInYear;
  const ipvsHours = add(
    'Migration hours: moving kube-proxy off IPVS',
    ipvsYear === null ? 0 : f('ipvsMoveHoursPerCluster*Clusters*MaturityFactor'),
    ipvsYear === null
      ? 'kube-proxy is not kept in IPVS mode'
      : `before IPVS mode is off by default, in year ${ipvsYear}`,
  );
  const setupHours = add(
    'Migration hours: setting up new add-ons',
    f(`${addonSetup}*Clusters*MaturityFactor`),
    `set-up hours per cluster of the new add-ons: ${plan.newAddons.map((a) => a.name).join(', ') || 'none'}`,
  );
  const meshHours = add(
    'Migration hours: moving the mesh',
    plan.movesSidecars
      ? f('IF(sidecarsRemovedWithCiliumPercent>0,meshMigrationHoursPerCluster*Clusters*MaturityFactor,0)')
      : 0,
    plan.movesSidecars ? 'sidecars to the sidecar-free mesh' : 'the mesh stays',
  );
  const providers = plan.newIctProviders;
  const ictProviders = add(
    'New ICT providers to contract under DORA',
    providers.length,
    providers.length === 0 ? 'none (no new provider, or DORA does not apply)' : providers.join(', '),
  );
  const ictContractHours = add(
    'Staff hours: contracting them (year 1)',
    f(`${ictProviders}*ictProviderContractHours`),
    'risk assessment, Article 30 clauses, register entry, exit strategy: once per provider',
  );
  const ictUpkeepHours = add(
    'Staff hours a year: keeping them compliant',
    f(`${ictProviders}*ictProviderUpkeepHoursPerYear`),
    'register, monitoring, reviewing and testing the exit plan: every year',
  );
  const extended = plan.extendedIctProviders;
  const ictExtended = add(
    'ICT providers already contracted, extended to the new service under DORA',
    extended.length,
    extended.length === 0 ? 'none' : extended.join(', '),
  );
  const ictExtensionHours = add(
    'Staff hours: extending their contracts (year 1)',
    f(`${ictExtended}*ictProviderExtensionHours`),
    'register line, assessment of the new service, exit plan covering it: once per provider',
  );
  const ebpfTraining = plan.learnsEbpf
    ? `+Engineers*(ciliumTrainingDaysPerEngineer*EbpfTrainingShare*${HOURS_PER_TRAINING_DAY}*${hourly}+IF(EbpfTrainingShare>0,trainingCoursePerEngineer,0))`
    : '';
  const training = add(
    'Training',
    f(
      `Engineers*${plan.newAddons.length}*addonTrainingDaysPerEngineer*${HOURS_PER_TRAINING_DAY}*${hourly}${ebpfTraining}`,
    ),
    plan.learnsEbpf ? 'new add-ons, and the eBPF data plane' : 'new add-ons',
    money,
  );
  return {
    cniHours,
    kubeProxyHours,
    ipvsHours,
    setupHours,
    meshHours,
    ictContractHours,
    ictUpkeepHours,
    ictExtensionHours,
    training,
  };
}

/** The cost rows are the TCO categories, named as the report's tables name them. */
const YEAR_ROWS = [
  'Nodes',
  'Sidecars running',
  'Services per cluster',
  'Network-layer vCPU per node',
  'Network-layer GB per node',
  ...TCO_CATEGORIES,
  'Total',
] as const;

/** The option's cost year by year from row `top`, each category a formula over its inputs; returns the total's row. */
function yearByYear(
  sheet: ExcelJS.Worksheet,
  top: number,
  horizon: number,
  cells: InputCells,
  ipvsYear: number | null,
  money: string,
): number {
  const { subscription, opsHours, hourly, cpu, mem, clusterCpu, clusterMem, kubeProxy, licenceUsd } = cells;
  const { kept, sidecarCost, cniHours, kubeProxyHours, ipvsHours, setupHours, meshHours } = cells;
  const { ictContractHours, ictUpkeepHours, ictExtensionHours, training } = cells;
  const col = (y: number) => columnLetter(2 + y);
  const header = sheet.getRow(top);
  header.values = ['', ...Array.from({ length: horizon }, (_, y) => `Year ${y + 1}`), 'Total'];
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  const rows = YEAR_ROWS;
  const firstCost = TCO_CATEGORIES[0];
  const lastCost = TCO_CATEGORIES[TCO_CATEGORIES.length - 1] as TcoCategory;
  const at = (label: (typeof rows)[number]) => top + 1 + rows.indexOf(label);
  for (let y = 0; y < horizon; y++) {
    const c = col(y);
    const growth = `(1+GrowthPercent/100)^${y}`;
    const cell = (label: (typeof rows)[number]) => `${c}${at(label)}`;
    const set = (label: (typeof rows)[number], formula: string) => {
      sheet.getCell(cell(label)).value = { formula };
    };
    set('Nodes', `Nodes*${growth}`);
    set('Sidecars running', `Sidecars*${growth}*${kept}`);
    set('Services per cluster', `Services/Clusters*${growth}`);
    // From the year kube-proxy moves off IPVS, its CPU per Service is that of the mode it moved to.
    const modeFactor =
      ipvsYear !== null && y + 1 >= ipvsYear ? 'KubeProxyModeFactorAfterMove' : 'KubeProxyModeFactor';
    set(
      'Network-layer vCPU per node',
      `(${cpu}+${kubeProxy}*(kubeProxyCpuMillicoresPerNode+kubeProxyCpuMillicoresPer1000Services*${modeFactor}*${cell('Services per cluster')}/1000))/1000`,
    );
    set('Network-layer GB per node', `${mem}*${GB_PER_MIB}`);
    set('subscription', `ROUND(${cell('Nodes')}*${subscription},0)`);
    set('operations', `ROUND((${opsHours}*12+${ictUpkeepHours})*${hourly},0)`);
    set(
      'compute',
      `ROUND((${cell('Nodes')}*(${cell('Network-layer vCPU per node')}*vcpuHourPrice+${cell('Network-layer GB per node')}*memoryGbHourPrice)+Clusters*(${clusterCpu}/1000*vcpuHourPrice+${clusterMem}*${GB_PER_MIB}*memoryGbHourPrice))*${HOURS_PER_YEAR}+${cell('Sidecars running')}*${sidecarCost},0)`,
    );
    const firstYearHours =
      y === 0
        ? `${cniHours}+${kubeProxyHours}+${setupHours}+${meshHours}+${ictContractHours}+${ictExtensionHours}`
        : '';
    const moveHours = ipvsYear === y + 1 ? ipvsHours : '';
    const migrationHours = [firstYearHours, moveHours].filter((h) => h !== '').join('+');
    set('migration', migrationHours === '' ? '0' : `ROUND((${migrationHours})*${hourly},0)`);
    set('training', y === 0 ? `ROUND(${training},0)` : '0');
    set('tooling', `ROUND(${cell('Nodes')}*${licenceUsd}*PerUsd,0)`);
    set('Total', `SUM(${c}${at(firstCost)}:${c}${at(lastCost)})`);
  }
  rows.forEach((label, i) => {
    const r = sheet.getRow(top + 1 + i);
    r.getCell(1).value = isTcoCategory(label) ? TCO_CATEGORY_LABELS[label].short : label;
    const isMoney = i >= rows.indexOf(firstCost);
    if (isMoney) {
      r.getCell(2 + horizon).value = { formula: `SUM(B${top + 1 + i}:${col(horizon - 1)}${top + 1 + i})` };
      for (let c = 2; c <= 2 + horizon; c++) r.getCell(c).numFmt = money;
    } else {
      // Counts grow by a share a year, so they are fractional: one decimal reads as a count and still shows that
      // the formulas use the exact figure; the per-node capacities keep three.
      const format = i < rows.indexOf('Network-layer vCPU per node') ? '#,##0.0' : '#,##0.###';
      for (let c = 2; c < 2 + horizon; c++) r.getCell(c).numFmt = format;
    }
    if (label === 'Total') r.font = HEADER_FONT;
  });
  return at('Total');
}

function summarySheet(
  sheet: ExcelJS.Worksheet,
  result: EngineResult,
  sheetNames: ReadonlyMap<string, string>,
  totalRows: ReadonlyMap<string, number>,
  horizon: number,
  money: string,
): void {
  sheet.getCell('A1').value =
    `TCO over ${horizon} ${horizon === 1 ? 'year' : 'years'} for ${result.engagement.client}, ${result.currency.code}`;
  sheet.getCell('A1').font = { bold: true, size: 13, name: 'Arial' };
  sheet.getCell('A2').value =
    'Years and total at the likely figures: live formulas over Assumptions. Median, P10 and P90: the simulated ' +
    'scenarios of the report (values, not formulas), the basis of its headline figures.';
  sheet.getCell('A2').font = { italic: true, name: 'Arial' };
  const header = sheet.getRow(3);
  header.values = [
    'Option',
    ...Array.from({ length: horizon }, (_, y) => `Year ${y + 1}`),
    'Total at the likely figures',
    'Median (simulated)',
    'P10',
    'P90',
  ];
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'top' };
  const rows = [
    ...result.options.map((o) => ({ id: o.id, name: o.name, tco: o.tco })),
    { id: BASELINE_SHEET, name: BASELINE_SHEET, tco: result.baseline.tco },
  ];
  rows.forEach((option, i) => {
    const name = sheetNames.get(option.id) ?? option.id;
    const r = sheet.getRow(4 + i);
    r.getCell(1).value = option.name;
    const row = totalRows.get(option.id);
    for (let c = 2; c <= 2 + horizon; c++) {
      r.getCell(c).value = { formula: `${quote(name)}!${columnLetter(c)}${row}` };
      r.getCell(c).numFmt = money;
    }
    [option.tco.median, option.tco.p10, option.tco.p90].forEach((x, k) => {
      r.getCell(3 + horizon + k).value = x;
      r.getCell(3 + horizon + k).numFmt = money;
    });
  });
  sheet.columns = [{ width: 40 }, ...Array.from({ length: horizon + 4 }, () => ({ width: 16 }))];
}

/** The status quo's sheet and its line in Summary: finance's baseline. */
export const BASELINE_SHEET = 'Today, unchanged';

/** Every sheet prints landscape, one page wide, as many pages long as it needs. */
function printSetUp(book: ExcelJS.Workbook): void {
  for (const sheet of book.worksheets) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Every zip entry and the document dates at the report date, so the same answers give the same file. */
async function restamp(xlsx: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function isTcoCategory(row: string): row is TcoCategory {
  return (TCO_CATEGORIES as readonly string[]).includes(row);
}
