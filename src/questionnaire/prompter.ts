/**
 * What the interview needs from a terminal. The CLI implements it with @inquirer/prompts; tests script it.
 * Every method may reject (Ctrl+C, a closed terminal): the interview then stops with what it has.
 */
export interface Prompter {
  /** A new section starts: "Section 3 of 8: Compliance". */
  section(heading: SectionHeading): void;
  text(request: TextRequest): Promise<string>;
  select(request: SelectRequest): Promise<string>;
  checkbox(request: CheckboxRequest): Promise<string[]>;
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export interface SectionHeading {
  readonly number: number;
  readonly of: number;
  readonly title: string;
  readonly description: string;
}

interface Request {
  /** `cluster.nodes`, or the section key for a section's opening question. */
  readonly id: string;
  readonly message: string;
  /** What the question means and what to consider; shown with the question. */
  readonly help?: string;
}

export interface TextRequest extends Request {
  /** Offered as the answer: Enter accepts it. */
  readonly default?: string;
  /** true, or why the text cannot be accepted (shown under the prompt). */
  readonly validate: (text: string) => true | string;
}

export interface Choice {
  readonly value: string;
  readonly name: string;
  readonly description?: string;
}

export interface SelectRequest extends Request {
  readonly choices: readonly Choice[];
  readonly default?: string;
}

export interface CheckboxRequest extends Request {
  readonly choices: readonly (Choice & { readonly checked: boolean })[];
  readonly validate: (values: readonly string[]) => true | string;
}

export interface ConfirmRequest extends Request {
  readonly default: boolean;
}
