/// <reference lib="dom" />
// The workshop page: the questionnaire drawn from the server's form, redrawn from its live view after every
// answer. Plain DOM: a form, a result panel and a few bars need no framework. Built by
// scripts/bundle-workshop.js into dist/workshop-page/page.js.

import { CRITERIA, CRITERION_LABELS, isCriterion } from '../../schema/criteria.js';
import type {
  Entries,
  FieldState,
  FieldValue,
  FormField,
  GeneratedFile,
  LiveResult,
  LiveView,
  WorkshopState,
} from '../workshop-protocol.js';
import { GROUP_KEYS } from '../workshop-protocol.js';
import { el, formatMoney, formatPercent, formatWeight } from './dom.js';

/** Wait after a keystroke before scoring, and before rescoring with the report's draws. */
const LIVE_DELAY_MS = 120;
const SETTLED_DELAY_MS = 700;

interface Page {
  state: WorkshopState;
  entries: Record<string, FieldValue>;
  view: LiveView | null;
  /** The inputs of each key path. */
  fields: Map<string, FieldParts>;
  /** Whether the answers differ from the file. */
  dirty: boolean;
  /** Unsaved answers offered back and not yet restored or discarded: the server keeps them meanwhile. */
  draftPending: boolean;
  sequence: number;
  timers: number[];
}

interface FieldParts {
  readonly field: FormField;
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly range: HTMLElement;
  readonly help: HTMLElement;
  readonly error: HTMLElement;
  readonly inputs: readonly (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
  readonly band?: { readonly keeps: HTMLElement; readonly flip: HTMLElement; readonly sentence: HTMLElement };
  readonly output?: HTMLOutputElement;
  /** Redraws an input the page builds itself (the stakeholders' table) from its entry. */
  readonly refresh?: (entry: FieldValue | undefined) => void;
}

const $ = <T extends HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`the page has no ${selector}`);
  return found;
};

async function api<T>(path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response
    .json()
    .catch(() => ({ message: `${response.status} ${response.statusText}` }))) as T;
  return { status: response.status, data };
}

async function start(): Promise<void> {
  const app = $('#app');
  const { status, data } = await api<WorkshopState & { message?: string }>('api/state');
  if (status !== 200) {
    app.textContent = `The workshop server refused the page (${data.message ?? status}). Open the URL it printed.`;
    return;
  }
  const page: Page = {
    state: data,
    entries: { ...data.saved },
    view: null,
    fields: new Map(),
    dirty: false,
    draftPending: data.draft !== null,
    sequence: 0,
    timers: [],
  };
  app.replaceChildren(...layout(page));
  app.removeAttribute('aria-busy');
  if (data.draft !== null) offerDraft(page, data.draft);
  await evaluate(page, true);
}

function layout(page: Page): HTMLElement[] {
  const saveAs = el('input', {
    type: 'text',
    name: 'saveAs',
    id: 'save-as',
    value: page.state.file ?? '',
    placeholder: 'acme.yaml',
    'data-testid': 'save-as',
    autocomplete: 'off',
  });
  const save = el('button', { type: 'button', 'data-testid': 'save' }, 'Save');
  const generate = el('button', { type: 'button', 'data-testid': 'generate' }, 'Generate report');
  const toggle = el(
    'button',
    { type: 'button', 'aria-pressed': 'false', 'data-testid': 'view-toggle' },
    'Presentation view',
  );
  save.addEventListener('click', () => void saveAnswers(page, saveAs.value));
  generate.addEventListener('click', () => void generateReport(page));
  // In the presentation view the answers are one click away, in a column beside the result.
  const formToggle = el(
    'button',
    { type: 'button', class: 'form-toggle', 'aria-pressed': 'false', 'data-testid': 'form-toggle' },
    'Answers',
  );
  toggle.addEventListener('click', () => {
    const present = document.documentElement.classList.toggle('present');
    toggle.setAttribute('aria-pressed', String(present));
    toggle.textContent = present ? 'Consultant view' : 'Presentation view';
  });
  formToggle.addEventListener('click', () => {
    const shown = document.documentElement.classList.toggle('show-form');
    formToggle.setAttribute('aria-pressed', String(shown));
  });
  const header = el(
    'header',
    { class: 'bar' },
    el('h1', {}, 'CNI decision workshop'),
    el(
      'div',
      { class: 'actions consultant-controls' },
      el('label', { for: 'save-as' }, 'Answers file'),
      saveAs,
      save,
      generate,
      toggle,
      formToggle,
    ),
    el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' }),
  );
  const banner = el('div', { class: 'banner', hidden: '', 'data-testid': 'draft-banner' });
  const form = el('form', { class: 'questions', novalidate: '', 'aria-label': 'Questionnaire' });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const section of page.state.form.sections) {
    const fields = section.fields.map((field) => {
      const parts = fieldParts(page, field);
      page.fields.set(field.name, parts);
      return parts.root;
    });
    const heading = el('h2', {}, section.title);
    const intro = el('p', { class: 'section-help' }, section.gate?.help ?? section.description);
    if (section.fields.some((f) => f.kind === 'scale')) {
      intro.append(
        el(
          'span',
          { class: 'scale-legend' },
          ' On each scale, ',
          el('span', { class: 'swatch keeps-key' }),
          ' the recommendation holds; ',
          el('span', { class: 'swatch flips-key' }),
          ' another option would be recommended.',
        ),
      );
    }
    if (section.gate === undefined) {
      form.append(
        el('section', { class: 'section', 'data-section': section.key }, heading, intro, ...fields),
      );
    } else {
      // Folded like the interview's opening question: open it to override the defaults.
      const summary = el(
        'summary',
        {},
        el('span', { class: 'h2' }, section.title),
        ` — ${section.gate.message}`,
      );
      form.append(
        el('details', { class: 'section', 'data-section': section.key }, summary, intro, ...fields),
      );
    }
  }
  const result = el(
    'aside',
    { class: 'result', 'aria-label': 'Recommendation' },
    el(
      'section',
      { class: 'verdict', 'aria-live': 'polite' },
      el('p', { class: 'eyebrow' }, 'Recommendation'),
      el('p', { class: 'verdict-name', 'data-testid': 'recommendation' }, '…'),
      el(
        'p',
        { class: 'confidence-line' },
        el('span', { class: 'confidence', 'data-testid': 'confidence' }, '…'),
        ' confidence',
        el('span', { class: 'draws', 'data-testid': 'draws' }),
      ),
      el(
        'div',
        { class: 'key-figures' },
        el(
          'div',
          {},
          el('span', { class: 'key-figure', 'data-testid': 'key-tco' }, '…'),
          el('span', { class: 'key-label tco-key-label' }, 'total cost of ownership'),
        ),
        el(
          'div',
          {},
          el('span', { class: 'key-figure', 'data-testid': 'key-score' }, '…'),
          el('span', { class: 'key-label' }, 'score, of 1'),
        ),
      ),
      el('p', { class: 'close-call', hidden: '', 'data-testid': 'close-call' }, 'Close call'),
      el('p', { class: 'stale', hidden: '', 'data-testid': 'stale' }),
      el('ul', { class: 'reasons', 'data-testid': 'reasons' }),
    ),
    el(
      'section',
      { class: 'panel panel-tco' },
      el('h2', { class: 'tco-title' }, 'Total cost of ownership'),
      el('div', { class: 'bars', 'data-testid': 'tco' }),
    ),
    el(
      'section',
      { class: 'panel panel-scores' },
      el('h2', {}, 'Score by criterion'),
      el('div', { class: 'legend', 'aria-hidden': 'true' }),
      el('div', { class: 'bars', 'data-testid': 'scores' }),
    ),
    el(
      'section',
      { class: 'panel' },
      el('h2', {}, 'What would change it'),
      el('ul', { class: 'changes', 'data-testid': 'changes' }),
    ),
    el(
      'section',
      { class: 'panel', hidden: '', 'data-testid': 'stakeholder-views' },
      el('h2', {}, 'Stakeholders'),
      el('p', { class: 'stakeholders-sentence' }),
      el('ul', { class: 'stakeholder-list' }),
    ),
    el(
      'section',
      { class: 'panel consultant' },
      el('h2', {}, 'To confirm with the client'),
      el('ul', { class: 'confirm', 'data-testid': 'confirm' }),
    ),
    el('section', { class: 'panel outputs', hidden: '', 'data-testid': 'outputs' }),
  );
  return [header, banner, el('main', { class: 'layout' }, form, result)];
}

function fieldParts(page: Page, field: FormField): FieldParts {
  const id = `f-${field.name.replace(/\W/g, '-')}`;
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const label = el('span', { class: 'label-text' }, field.label);
  const range = el('span', { class: 'range' });
  const help = el('p', { class: 'help', id: helpId });
  const error = el('p', { class: 'error', id: errorId, hidden: '' });
  const described = `${helpId} ${errorId}`;
  const onInput = (value: FieldValue) => {
    page.entries[field.name] = value;
    changed(page);
  };
  const root = el('div', { class: `field field-${field.kind}`, 'data-field': field.name });

  if (field.kind === 'multi' || field.kind === 'boolean') {
    const boxes = (field.choices ?? [{ value: 'true', label: 'Yes' }]).map((choice) =>
      el('input', { type: 'checkbox', name: field.name, value: choice.value, 'aria-describedby': described }),
    );
    const read = () =>
      field.kind === 'boolean'
        ? (boxes[0]?.checked ?? false)
        : boxes.filter((b) => b.checked).map((b) => b.value);
    for (const box of boxes) box.addEventListener('change', () => onInput(read()));
    const options = boxes.map((box, i) =>
      el('label', { class: 'choice' }, box, ` ${field.choices?.[i]?.label ?? 'Yes'}`),
    );
    root.append(
      el('fieldset', {}, el('legend', {}, label, range), el('div', { class: 'choices' }, ...options)),
      help,
      error,
    );
    return { field, root, label, range, help, error, inputs: boxes };
  }

  if (field.kind === 'stakeholders') {
    const table = stakeholdersTable(field, (value) => onInput(value));
    root.append(el('fieldset', {}, el('legend', {}, label, range), table.root), help, error);
    return { field, root, label, range, help, error, inputs: [], refresh: table.refresh };
  }
  if (field.kind === 'groups') {
    const cards = groupCards(field, (value) => onInput(value));
    root.append(el('fieldset', {}, el('legend', {}, label, range), help, cards.root), error);
    return { field, root, label, range, help, error, inputs: [], refresh: cards.refresh };
  }
  const labelFor = el('label', { for: id }, label, range);
  if (field.kind === 'select' || field.kind === 'need') {
    const select = el('select', { id, name: field.name, 'aria-describedby': described });
    if (field.kind === 'need') select.append(el('option', { value: '' }, 'as the answers imply'));
    for (const choice of field.choices ?? []) {
      select.append(
        el(
          'option',
          { value: choice.value, ...(choice.description ? { title: choice.description } : {}) },
          choice.label,
        ),
      );
    }
    select.addEventListener('change', () => onInput(select.value));
    root.append(labelFor, select, help, error);
    return { field, root, label, range, help, error, inputs: [select] };
  }
  if (field.kind === 'scale') {
    const slider = el('input', {
      type: 'range',
      id,
      name: field.name,
      min: String(field.min ?? 0),
      max: String(field.max ?? 5),
      step: '0.5',
      'aria-describedby': described,
    });
    const output = el('output', { for: id, class: 'scale-value' });
    const keeps = el('span', { class: 'keeps' });
    const flip = el('span', { class: 'flip', hidden: '' });
    const sentence = el('p', { class: 'flip-sentence' });
    slider.addEventListener('input', () => {
      output.value = formatWeight(Number(slider.value));
      onInput(slider.value);
    });
    root.append(
      labelFor,
      el(
        'div',
        { class: 'scale' },
        el('div', { class: 'track', 'aria-hidden': 'true' }, keeps, flip),
        slider,
        output,
      ),
      sentence,
      help,
      error,
    );
    return {
      field,
      root,
      label,
      range,
      help,
      error,
      inputs: [slider],
      band: { keeps, flip, sentence },
      output,
    };
  }
  const input =
    field.kind === 'structured'
      ? el('textarea', {
          id,
          name: field.name,
          rows: '4',
          'aria-describedby': described,
          spellcheck: 'false',
        })
      : el('input', {
          type: 'text',
          id,
          name: field.name,
          'aria-describedby': described,
          autocomplete: 'off',
          ...(field.kind === 'number' ? { inputmode: 'decimal' } : {}),
          ...(field.required ? { required: '' } : {}),
        });
  input.addEventListener('input', () => onInput(input.value));
  root.append(labelFor, input, help, error);
  return { field, root, label, range, help, error, inputs: [input] };
}

/** A criterion of the live result by its one name (see CRITERION_LABELS). */
const criterionName = (key: string) => (isCriterion(key) ? CRITERION_LABELS[key].name : key);

interface StakeholderRow {
  readonly name: string;
  readonly priorities: Readonly<Record<string, string>>;
}

/**
 * The stakeholders as a table: a row per stakeholder with a name and a weight per criterion, and a button to
 * add one. The entry is the list as JSON, numbers as typed: the server checks them as `validate` does.
 */
function stakeholdersTable(
  field: FormField,
  onInput: (value: string) => void,
): { root: HTMLElement; refresh: (entry: FieldValue | undefined) => void } {
  const body = el('tbody', { 'data-testid': 'stakeholders' });
  const weight = (value: string, criterion: string, name: string) =>
    el('input', {
      type: 'number',
      min: String(field.min ?? 0),
      max: String(field.max ?? 5),
      step: '0.5',
      value,
      inputmode: 'decimal',
      'aria-label': `${name || 'stakeholder'}: ${criterionName(criterion)}`,
      'data-criterion': criterion,
    });
  const read = (): StakeholderRow[] =>
    Array.from(body.rows).map((row) => ({
      name: row.querySelector<HTMLInputElement>('input[data-name]')?.value ?? '',
      priorities: Object.fromEntries(
        CRITERIA.map((c) => [
          c,
          row.querySelector<HTMLInputElement>(`input[data-criterion="${c}"]`)?.value ?? '',
        ]),
      ),
    }));
  const emit = () =>
    onInput(
      JSON.stringify(
        read().map((row) => ({
          name: row.name,
          priorities: Object.fromEntries(
            CRITERIA.flatMap((c) => {
              const text = row.priorities[c]?.trim() ?? '';
              return text === '' ? [] : [[c, Number.isNaN(Number(text)) ? text : Number(text)]];
            }),
          ),
        })),
      ),
    );
  const addRow = (row: StakeholderRow) => {
    const name = el('input', {
      type: 'text',
      value: row.name,
      'data-name': '',
      'aria-label': 'Stakeholder name',
      placeholder: 'CFO',
      autocomplete: 'off',
    });
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${row.name}` }, '×');
    const tr = el(
      'tr',
      {},
      el('td', {}, name),
      ...CRITERIA.map((c) => el('td', {}, weight(row.priorities[c] ?? '3', c, row.name))),
      el('td', {}, remove),
    );
    tr.addEventListener('input', emit);
    remove.addEventListener('click', () => {
      tr.remove();
      emit();
    });
    body.append(tr);
  };
  const add = el('button', { type: 'button', 'data-testid': 'add-stakeholder' }, 'Add a stakeholder');
  add.addEventListener('click', () => {
    addRow({ name: '', priorities: {} });
    emit();
    body.querySelector<HTMLInputElement>('tr:last-child input[data-name]')?.focus();
  });
  const root = el(
    'div',
    { class: 'stakeholders' },
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'Name'),
          ...CRITERIA.map((c) => el('th', {}, CRITERION_LABELS[c].name)),
          el('th', {}),
        ),
      ),
      body,
    ),
    add,
  );
  const refresh = (entry: FieldValue | undefined) => {
    if (root.contains(document.activeElement)) return;
    let list: unknown = [];
    try {
      list = typeof entry === 'string' && entry !== '' ? JSON.parse(entry) : [];
    } catch {
      list = [];
    }
    body.replaceChildren();
    for (const item of Array.isArray(list) ? list : []) {
      const record = (item ?? {}) as { name?: unknown; priorities?: Record<string, unknown> };
      addRow({
        name: String(record.name ?? ''),
        priorities: Object.fromEntries(CRITERIA.map((c) => [c, String(record.priorities?.[c] ?? '')])),
      });
    }
  };
  return { root, refresh };
}

const GROUP_NUMBERS: ReadonlySet<string> = new Set(['clusters', 'nodes', 'services', 'podsPerNode']);

/**
 * The estate's groups as cards: each group's name, platform, CNI, counts and clouds, and a button to add one.
 * The entry is the list as JSON, numbers as typed: the server checks them as `validate` does. Every key of a
 * group has an input (GROUP_KEYS is the schema's), so nothing of the file's groups is lost on the way through.
 */
function groupCards(
  field: FormField,
  onInput: (value: string) => void,
): { root: HTMLElement; refresh: (entry: FieldValue | undefined) => void } {
  const list = el('div', { class: 'group-list', 'data-testid': 'groups' });
  const columns = field.columns ?? {};
  const select = (key: string, value: string, blank: string) => {
    const input = el('select', { 'data-key': key });
    input.append(el('option', { value: '' }, blank));
    for (const choice of columns[key] ?? [])
      input.append(el('option', { value: choice.value }, choice.label));
    input.value = value;
    return input;
  };
  const number = (key: string, value: string, placeholder = '') =>
    el('input', {
      type: 'text',
      inputmode: 'numeric',
      'data-key': key,
      value,
      placeholder,
      autocomplete: 'off',
    });
  const labelled = (text: string, input: HTMLElement) => el('label', {}, el('span', {}, text), input);
  const read = (card: HTMLElement): Record<string, unknown> => {
    const record: Record<string, unknown> = {};
    for (const key of GROUP_KEYS) {
      if (key === 'clouds') {
        record.clouds = Array.from(card.querySelectorAll<HTMLInputElement>('input[data-cloud]'))
          .filter((box) => box.checked)
          .map((box) => box.value);
        continue;
      }
      const text = card
        .querySelector<HTMLInputElement | HTMLSelectElement>(`[data-key="${key}"]`)
        ?.value.trim();
      if (text !== undefined && text !== '')
        record[key] = GROUP_NUMBERS.has(key) && !Number.isNaN(Number(text)) ? Number(text) : text;
    }
    return record;
  };
  const emit = () =>
    onInput(JSON.stringify(Array.from(list.querySelectorAll<HTMLElement>('.group')).map(read)));
  const addCard = (group: Record<string, unknown>) => {
    const text = (key: string) => (group[key] === undefined ? '' : String(group[key]));
    const clouds = Array.isArray(group.clouds) ? group.clouds.map(String) : [];
    const name = el('input', {
      type: 'text',
      'data-key': 'name',
      value: text('name'),
      placeholder: 'EKS in eu-central-1',
      autocomplete: 'off',
    });
    const remove = el('button', { type: 'button', class: 'remove' }, 'Remove this group');
    const card = el(
      'div',
      { class: 'group' },
      el(
        'div',
        { class: 'group-grid' },
        labelled('Name', name),
        labelled('Platform', select('platform', text('platform'), 'choose…')),
        labelled('CNI today', select('currentCni', text('currentCni'), 'choose…')),
        labelled('Clusters', number('clusters', text('clusters'))),
        labelled('Worker nodes', number('nodes', text('nodes'))),
        labelled('Services', number('services', text('services'), 'shared by nodes')),
        labelled('Pods per node', number('podsPerNode', text('podsPerNode'), 'as the estate')),
        labelled('kube-proxy', select('kubeProxyMode', text('kubeProxyMode'), 'as the estate')),
      ),
      el(
        'fieldset',
        { class: 'group-clouds' },
        el('legend', {}, 'Where'),
        ...(columns.clouds ?? []).map((choice) =>
          el(
            'label',
            { class: 'choice' },
            el('input', {
              type: 'checkbox',
              'data-cloud': '',
              value: choice.value,
              ...(clouds.includes(choice.value) ? { checked: '' } : {}),
            }),
            ` ${choice.label}`,
          ),
        ),
      ),
      remove,
    );
    card.addEventListener('input', emit);
    card.addEventListener('change', emit);
    remove.addEventListener('click', () => {
      card.remove();
      emit();
    });
    list.append(card);
  };
  const add = el('button', { type: 'button', 'data-testid': 'add-group' }, 'Add a group');
  add.addEventListener('click', () => {
    addCard({ clusters: 1 });
    emit();
    list.querySelector<HTMLInputElement>('.group:last-child input[data-key="name"]')?.focus();
  });
  const root = el('div', { class: 'groups' }, list, add);
  const refresh = (entry: FieldValue | undefined) => {
    if (root.contains(document.activeElement)) return;
    let groups: unknown = [];
    try {
      groups = typeof entry === 'string' && entry !== '' ? JSON.parse(entry) : [];
    } catch {
      groups = [];
    }
    list.replaceChildren();
    for (const group of Array.isArray(groups) ? groups : [])
      addCard((group ?? {}) as Record<string, unknown>);
  };
  return { root, refresh };
}

/** An answer changed: score soon with the live draws, then again with the report's once typing stops. */
function changed(page: Page): void {
  page.dirty = true;
  // Answering on (or restoring, or discarding) settles the answers offered back: these are kept from now.
  page.draftPending = false;
  for (const timer of page.timers) window.clearTimeout(timer);
  page.timers = [
    window.setTimeout(() => void evaluate(page, false), LIVE_DELAY_MS),
    window.setTimeout(() => void evaluate(page, true), SETTLED_DELAY_MS),
  ];
}

async function evaluate(page: Page, full: boolean): Promise<void> {
  const sequence = ++page.sequence;
  const { status, data } = await api<LiveView & { message?: string }>('api/evaluate', {
    entries: page.entries,
    full,
    record: !page.draftPending,
  }).catch((error: unknown) => ({
    status: 0,
    data: { message: String(error) } as LiveView & { message?: string },
  }));
  if (sequence !== page.sequence) return;
  if (status !== 200) {
    setStatus(`Could not score the answers: ${data.message ?? status}`, true);
    return;
  }
  page.view = data;
  drawFields(page, data);
  drawResult(page, data);
}

function drawFields(page: Page, view: LiveView): void {
  for (const [name, parts] of page.fields) {
    const state = view.fields[name];
    if (state === undefined) continue;
    parts.root.hidden = !state.visible;
    parts.label.textContent = state.label;
    parts.range.textContent = state.range === undefined ? '' : ` (${state.range})`;
    parts.help.textContent = helpText(parts.field, state, page.entries[name]);
    parts.error.textContent = state.error ?? '';
    parts.error.hidden = state.error === undefined;
    for (const input of parts.inputs) {
      input.setAttribute('aria-invalid', String(state.error !== undefined));
      fillInput(input, parts.field, page.entries[name], state);
    }
    parts.refresh?.(page.entries[name]);
    if (parts.field.kind === 'need') {
      const first = parts.inputs[0]?.querySelector('option');
      if (first !== null && first !== undefined) {
        first.textContent =
          state.derived === undefined
            ? 'as the answers imply'
            : `${state.derived.importance} (as the answers imply)`;
      }
    }
    if (parts.output !== undefined)
      parts.output.value = formatWeight(Number((parts.inputs[0] as HTMLInputElement).value));
  }
}

/** A need says what the other answers imply and why, and what the level chosen does to the decision. */
function helpText(field: FormField, state: FieldState, entry: FieldValue | undefined): string {
  if (field.kind !== 'need') return state.help;
  const chosen = typeof entry === 'string' && entry !== '' ? entry : undefined;
  const meaning = field.choices?.find((c) => c.value === (chosen ?? state.derived?.importance))?.description;
  const derived = state.derived;
  const implied =
    derived === undefined
      ? ''
      : chosen === undefined
        ? derived.reasons.join(' ')
        : `The other answers imply ${derived.importance}${derived.reasons.length > 0 ? `: ${derived.reasons.join(' ')}` : '.'}`;
  return [implied, meaning === undefined ? '' : `${chosen ?? derived?.importance}: ${meaning}.`]
    .filter(Boolean)
    .join(' ');
}

/** Shows the answer in an input unless the person is typing in it: what they typed stays as typed. */
function fillInput(
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  field: FormField,
  entry: FieldValue | undefined,
  state: FieldState,
): void {
  const value = entry ?? state.offered;
  if (input instanceof HTMLInputElement && input.type === 'checkbox') {
    input.checked =
      field.kind === 'boolean' ? value === true : Array.isArray(value) && value.includes(input.value);
    return;
  }
  if (document.activeElement === input) return;
  if (input instanceof HTMLSelectElement) {
    input.value = typeof value === 'string' ? value : '';
    return;
  }
  if (input instanceof HTMLInputElement && input.type === 'range') {
    input.value = typeof value === 'string' ? value : '0';
    return;
  }
  input.value = typeof entry === 'string' ? entry : '';
  if ('placeholder' in input) input.placeholder = state.placeholder ?? '';
}

function drawResult(page: Page, view: LiveView): void {
  const stale = $('[data-testid="stale"]');
  const result = view.result;
  if (result === null) {
    stale.hidden = false;
    const wrong = Object.values(view.fields)
      .filter((f) => f.visible && f.error !== undefined)
      .map((f) => f.label);
    stale.textContent =
      view.problems.length > 0
        ? `Out of date: ${view.problems.join(' ')}`
        : `Out of date until ${wrong.length === 1 ? 'this answer is' : `these ${wrong.length} answers are`} fixed: ${wrong.join('; ')}.`;
    document.body.classList.add('is-stale');
    return;
  }
  stale.hidden = true;
  document.body.classList.remove('is-stale');
  $('[data-testid="recommendation"]').textContent = result.recommendation.name;
  document.title = `${result.client} — CNI decision workshop`;
  $('[data-testid="confidence"]').textContent = formatPercent(result.recommendation.confidence);
  // For the consultant; the presentation view hides it (the room reads the confidence, not the method).
  $('[data-testid="draws"]').textContent = ` across ${result.draws.toLocaleString('en-US')} simulations${
    result.draws < page.state.draws.full ? ' (while answers change)' : ''
  }`;
  const chosen = result.options.find((o) => o.id === result.recommendation.option);
  $('[data-testid="key-tco"]').textContent =
    chosen === undefined ? '…' : formatMoney(chosen.tcoTotal, result.currency);
  $('.tco-key-label').textContent = `total cost of ownership over ${result.horizonYears} ${
    result.horizonYears === 1 ? 'year' : 'years'
  }`;
  $('[data-testid="key-score"]').textContent = chosen === undefined ? '…' : chosen.score.toFixed(2);
  const closeCall = $('[data-testid="close-call"]');
  closeCall.hidden = !result.recommendation.closeCall;
  closeCall.textContent =
    result.recommendation.turnsOn === null ? 'Close call' : `Close call: ${result.recommendation.turnsOn}`;
  $('[data-testid="reasons"]').replaceChildren(...result.recommendation.reasons.map((r) => el('li', {}, r)));
  $('.tco-title').textContent = `Total cost of ownership over ${result.horizonYears} ${
    result.horizonYears === 1 ? 'year' : 'years'
  }`;
  drawTco(result);
  drawScores(result);
  drawPriorities(page, result);
  $('[data-testid="changes"]').replaceChildren(
    ...[...result.priorities.filter((p) => p.flipsAt !== null).map((p) => p.sentence), ...result.changes].map(
      (s) => el('li', {}, s),
    ),
  );
  drawStakeholders(page, result);
  const notes = [...result.placeholders, ...result.estimates];
  $('[data-testid="confirm"]').replaceChildren(
    ...(notes.length === 0
      ? [el('li', {}, 'Nothing: every figure that matters is the client’s own or sourced.')]
      : notes.map((n) =>
          el(
            'li',
            {},
            el('strong', {}, `${n.label}: `),
            n.value,
            el('span', { class: 'source' }, ` ${n.source}`),
          ),
        )),
  );
}

/** Each stakeholder's choice, scored once the answers settle; hidden while the file names none. */
function drawStakeholders(page: Page, result: LiveResult): void {
  const panel = $('[data-testid="stakeholder-views"]');
  const entry = page.entries.stakeholders;
  if (typeof entry !== 'string' || entry === '' || entry === '[]') {
    panel.hidden = true;
    return;
  }
  if (result.stakeholders === null) return;
  panel.hidden = false;
  $('.stakeholders-sentence').textContent = result.stakeholders.sentence;
  $('.stakeholder-list').replaceChildren(
    ...result.stakeholders.views.map((v) =>
      el(
        'li',
        { class: v.agrees ? 'agrees' : 'differs', title: v.sentence },
        el('strong', {}, v.name),
        `: ${v.choice}${v.agrees ? '' : ' (differs)'}`,
      ),
    ),
  );
}

function drawTco(result: LiveResult): void {
  const max = Math.max(...result.options.map((o) => Math.max(o.tcoHigh, o.tcoTotal)), 1);
  const rows = result.options.map((option) => {
    const bar = el('span', { class: `fill option-${option.rank}` });
    bar.style.width = `${(option.tcoTotal / max) * 100}%`;
    const spread = el('span', {
      class: 'spread',
      title: 'from the 10th to the 90th percentile of the simulations',
    });
    spread.style.left = `${(option.tcoLow / max) * 100}%`;
    spread.style.width = `${((option.tcoHigh - option.tcoLow) / max) * 100}%`;
    return el(
      'div',
      { class: `row${option.disqualified ? ' ruled-out' : ''}`, 'data-option': option.id },
      el('span', { class: 'row-name' }, option.name),
      el('span', { class: 'track' }, bar, spread),
      el(
        'span',
        { class: 'row-value' },
        formatMoney(option.tcoTotal, result.currency),
        option.disqualified ? el('span', { class: 'tag' }, ' ruled out') : '',
      ),
    );
  });
  $('[data-testid="tco"]').replaceChildren(...rows);
}

function drawScores(result: LiveResult): void {
  $('.legend').replaceChildren(
    ...result.criteria.map((c, i) =>
      el('span', { class: 'key' }, el('span', { class: `swatch part-${i}` }), ` ${criterionName(c)}`),
    ),
  );
  const rows = result.options.map((option) => {
    const track = el('span', { class: 'track stacked' });
    for (const [i, criterion] of result.criteria.entries()) {
      const part = el('span', {
        class: `part part-${i}`,
        title: `${criterionName(criterion)}: ${(option.parts[criterion] ?? 0).toFixed(2)}`,
      });
      part.style.width = `${(option.parts[criterion] ?? 0) * 100}%`;
      track.append(part);
    }
    return el(
      'div',
      { class: `row${option.disqualified ? ' ruled-out' : ''}`, 'data-option': option.id },
      el('span', { class: 'row-name' }, option.name),
      track,
      el('span', { class: 'row-value' }, option.score.toFixed(2)),
    );
  });
  $('[data-testid="scores"]').replaceChildren(...rows);
}

/** Each priority's slider shows the stretch where the recommendation holds, and the point where it flips. */
function drawPriorities(page: Page, result: LiveResult): void {
  for (const priority of result.priorities) {
    const parts = page.fields.get(`priorities.${priority.key}`);
    if (parts?.band === undefined) continue;
    const max = parts.field.max ?? 5;
    parts.band.keeps.style.left = `${(priority.keepsFrom / max) * 100}%`;
    parts.band.keeps.style.width = `${((priority.keepsTo - priority.keepsFrom) / max) * 100}%`;
    parts.band.flip.hidden = priority.flipsAt === null;
    if (priority.flipsAt !== null) parts.band.flip.style.left = `${(priority.flipsAt / max) * 100}%`;
    parts.band.sentence.textContent = priority.sentence;
  }
}

/**
 * Saves the answers; resolves to whether they were saved. `replace`: the version of an existing file the
 * consultant agreed to replace, as the server named it.
 */
async function saveAnswers(page: Page, file: string, replace: string | null = null): Promise<boolean> {
  setStatus('Saving…');
  const { status, data } = await api<{
    file?: string;
    version?: string | null;
    message: string;
    exists?: boolean;
    problems?: string[];
  }>('api/save', { file, entries: page.entries, base: page.state.version, replace });
  if (status === 409 && data.exists === true) {
    if (window.confirm(data.message)) return saveAnswers(page, file, data.version ?? null);
    setStatus('Not saved: give another file name.');
    return false;
  }
  if (status !== 200) {
    setStatus(`Not saved: ${data.message}${data.problems ? ` (${data.problems.join('; ')})` : ''}`, true);
    return false;
  }
  page.dirty = false;
  page.state = {
    ...page.state,
    file: data.file ?? file,
    version: data.version ?? null,
    saved: { ...page.entries },
    draft: null,
  };
  $<HTMLInputElement>('[data-testid="save-as"]').value = page.state.file ?? file;
  setStatus(`Saved ${data.file ?? file}.`);
  return true;
}

async function generateReport(page: Page): Promise<void> {
  const named = $<HTMLInputElement>('[data-testid="save-as"]').value.trim();
  if (page.state.file === null && named === '') {
    setStatus('Name the answers file first: the report is made from it.', true);
    return;
  }
  // The report is made from the file: answers changed on the page are saved into it first.
  if ((page.dirty || page.state.file === null) && !(await saveAnswers(page, page.state.file ?? named)))
    return;
  const file = page.state.file;
  if (file === null) return;
  const started = Date.now();
  const button = $<HTMLButtonElement>('[data-testid="generate"]');
  button.disabled = true;
  const tick = () => setStatus(`Generating the report… ${Math.round((Date.now() - started) / 1000)} s`);
  tick();
  const timer = window.setInterval(tick, 1000);
  try {
    const { status, data } = await api<{
      folder: string;
      files: GeneratedFile[];
      notes: string[];
      message?: string;
    }>('api/generate', { file });
    if (status !== 200) {
      setStatus(`No report: ${data.message ?? status}`, true);
      return;
    }
    const outputs = $('[data-testid="outputs"]');
    outputs.hidden = false;
    outputs.replaceChildren(
      el('h2', {}, `Report in ${data.folder}/`),
      el(
        'ul',
        {},
        ...data.files.map((f) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: f.href, target: '_blank', rel: 'noopener', 'data-testid': 'report-link' },
              f.path,
            ),
          ),
        ),
      ),
      ...data.notes.map((n) => el('p', { class: 'note' }, n)),
    );
    setStatus(`Report written to ${data.folder}/ in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    window.clearInterval(timer);
    button.disabled = false;
  }
}

function offerDraft(page: Page, draft: Entries): void {
  const banner = $('[data-testid="draft-banner"]');
  const restore = el('button', { type: 'button', 'data-testid': 'restore-draft' }, 'Restore them');
  const discard = el('button', { type: 'button' }, 'Discard');
  restore.addEventListener('click', () => {
    page.entries = { ...draft };
    banner.hidden = true;
    for (const parts of page.fields.values()) for (const input of parts.inputs) input.blur();
    changed(page);
  });
  discard.addEventListener('click', () => {
    banner.hidden = true;
    changed(page);
    page.dirty = false;
  });
  banner.replaceChildren(
    el('p', {}, 'There are answers that were not saved (from before a reload or a stop). '),
    restore,
    discard,
  );
  banner.hidden = false;
}

function setStatus(text: string, problem = false): void {
  const status = $('[data-testid="status"]');
  status.textContent = text;
  status.classList.toggle('problem', problem);
}

void start();
