import type { Importance } from '../schema/answers.js';

/**
 * What the workshop server and its page exchange, as JSON. The page is built from `WorkshopForm` (the shared
 * questionnaire and the answers schema) and redrawn from `LiveView` after every answer.
 */

/** How a key is answered on the page; chosen from the key's schema, as the interview chooses its prompt. */
export type FieldKind =
  | 'text'
  | 'number'
  | 'scale'
  | 'select'
  | 'multi'
  | 'boolean'
  | 'need'
  | 'structured'
  /** The list of stakeholders: a table of names and their four priorities, held as JSON. */
  | 'stakeholders'
  /** The estate's groups, each run alike (platform, clouds, clusters, nodes, CNI): one card per group, held as JSON. */
  | 'groups';

export interface FieldChoice {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

export interface FormField {
  /** The key's path in the answers file, `cluster.nodes`: the input's name. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly choices?: readonly FieldChoice[];
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly required: boolean;
  /** The values each of a group's keys may take, by key (platform, clouds, currentCni, kubeProxyMode). */
  readonly columns?: Readonly<Record<string, readonly FieldChoice[]>>;
}

export interface FormSection {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** Shown folded until opened: the interview asks first whether to go into it at all. */
  readonly gate?: { readonly message: string; readonly help: string };
  readonly fields: readonly FormField[];
}

export interface WorkshopForm {
  readonly sections: readonly FormSection[];
}

/** The entry that holds the stakeholders: their list as JSON, edited on the page as a table. */
export const STAKEHOLDERS = 'stakeholders';

/** The entry that holds the estate's groups: their list as JSON, edited on the page as one card per group. */
export const GROUPS = 'cluster.groups';

/** A group's keys, in the order the answers file writes them: the page has an input for each. */
export const GROUP_KEYS = [
  'name',
  'platform',
  'clouds',
  'clusters',
  'nodes',
  'services',
  'podsPerNode',
  'currentCni',
  'kubeProxyMode',
] as const;

/** What the inputs hold: text as typed, the chosen values, a tick. A key not present is not answered. */
export type FieldValue = string | readonly string[] | boolean;
export type Entries = Readonly<Record<string, FieldValue>>;

/** One question as the answers before it make it: whether it applies, its wording, and what is wrong. */
export interface FieldState {
  readonly visible: boolean;
  readonly label: string;
  /** Range and unit of a number: `1 to 1,000,000 nodes`. */
  readonly range?: string;
  readonly help: string;
  /** Why the answer cannot stand, in the words `cnireport validate` uses. */
  readonly error?: string;
  /** The value used when nothing is given, as text (the schema's default, or what the answers suggest). */
  readonly placeholder?: string;
  /** The same value as the input holds it: what an untouched select, tick box or slider shows. */
  readonly offered?: FieldValue;
  /** A need: the level the other answers imply, and why. */
  readonly derived?: { readonly importance: Importance; readonly reasons: readonly string[] };
}

export interface LiveOption {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  /** Each criterion's share of the score: weight × criterion score ÷ the sum of the weights. */
  readonly parts: Readonly<Record<string, number>>;
  readonly disqualified: boolean;
  readonly reasons: readonly string[];
  /** The median simulated TCO, the report's headline basis, between its P10 (low) and P90 (high). */
  readonly tcoTotal: number;
  readonly tcoLow: number;
  readonly tcoHigh: number;
}

/** A priority's slider: where the recommendation holds, and where it would flip. */
export interface LivePriority {
  readonly key: string;
  readonly current: number;
  readonly keepsFrom: number;
  readonly keepsTo: number;
  readonly flipsAt: number | null;
  readonly newWinner: string | null;
  readonly sentence: string;
}

export interface ConsultantNote {
  readonly label: string;
  readonly value: string;
  readonly source: string;
}

export interface LiveResult {
  readonly recommendation: {
    readonly option: string;
    readonly name: string;
    readonly confidence: number;
    readonly closeCall: boolean;
    /** For a close call, what it turns on: "Cilium OSS would be the pick if …"; else null. */
    readonly turnsOn: string | null;
    readonly reasons: readonly string[];
  };
  /** Monte Carlo draws behind the confidence. */
  readonly draws: number;
  readonly client: string;
  readonly currency: string;
  readonly horizonYears: number;
  readonly criteria: readonly string[];
  readonly options: readonly LiveOption[];
  readonly priorities: readonly LivePriority[];
  /** "What would change it": the break-even of the inputs that matter most. */
  readonly changes: readonly string[];
  /** For the consultant's eyes: placeholder prices and estimates to confirm with the client. */
  readonly placeholders: readonly ConsultantNote[];
  readonly estimates: readonly ConsultantNote[];
  /** Each stakeholder's recommendation under their own priorities; null without stakeholders or while typing. */
  readonly stakeholders: LiveStakeholders | null;
}

export interface LiveStakeholders {
  /** Where they agree, in one sentence. */
  readonly sentence: string;
  readonly views: readonly {
    readonly name: string;
    readonly choice: string;
    readonly agrees: boolean;
    readonly sentence: string;
  }[];
}

export interface LiveView {
  readonly fields: Readonly<Record<string, FieldState>>;
  /** Problems with no input of their own (a rule across keys), as `validate` words them. */
  readonly problems: readonly string[];
  /** Null while an answer is wrong: the page keeps the last result, marked as out of date. */
  readonly result: LiveResult | null;
  /** Server time to check and score, in milliseconds. */
  readonly ms: number;
}

export interface WorkshopState {
  readonly form: WorkshopForm;
  /** The answers file's name relative to the folder files are saved in; null when started without one. */
  readonly file: string | null;
  /** That file's version on disk (an opaque tag, see file-version.ts); a save over it sends it back as `base`. */
  readonly version: string | null;
  /** The answers of that file (or the starting answers), as the inputs hold them. */
  readonly saved: Entries;
  /** Answers changed in this run but not saved (a reload or a stopped run), offered back. */
  readonly draft: Entries | null;
  readonly draws: { readonly live: number; readonly full: number };
}

export interface SaveRequest {
  readonly file: string;
  readonly entries: Entries;
  /** The version of the file the page last loaded or saved. */
  readonly base: string | null;
  /** The version of an existing file the consultant agreed to replace (from the server's 409). */
  readonly replace: string | null;
}

export interface SaveResponse {
  readonly file: string;
  /** The saved file's version: the `base` of the next save. */
  readonly version: string | null;
  readonly message: string;
}

export interface GeneratedFile {
  readonly path: string;
  readonly href: string;
}
