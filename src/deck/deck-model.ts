/**
 * The executive deck as data: every text already written, every number of its native charts, and the
 * chart images it needs by name. A pure function of the result and the report model builds it
 * (`buildDeckModel`); the writer only places it on slides.
 */
export interface DeckModel {
  readonly title: string;
  readonly client: string;
  /** Who the deck is by: the consultant named in the answers, else the consultancy, else null. */
  readonly author: string | null;
  /** The report date, YYYY-MM-DD: also the file's created and modified dates. */
  readonly isoDate: string;
  readonly brand: DeckBrand;
  readonly slides: readonly DeckSlide[];
}

export interface DeckBrand {
  readonly name: string | null;
  /** `RRGGBB`, as PowerPoint writes colours. */
  readonly primaryColor: string;
  readonly footer: string | null;
  readonly logoDataUri: string | null;
}

/** A bar or line chart PowerPoint draws itself from the numbers it carries, so the consultant can restyle it. */
export interface NativeChart {
  readonly type: 'bar' | 'line';
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly {
    readonly name: string;
    readonly values: readonly number[];
    /** `RRGGBB`. */
    readonly colour: string;
    readonly dashed: boolean;
  }[];
  readonly stacked: boolean;
  /** Excel number format of the value axis and the chart's numbers, in the engagement currency. */
  readonly numberFormat: string;
}

export interface DeckTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Relative column widths. */
  readonly widths: readonly number[];
}

interface SlideBase {
  readonly title: string;
  /** Speaker notes: where the slide's numbers come from and what they assume. */
  readonly notes: string;
}

export type DeckSlide =
  | (SlideBase & { readonly kind: 'cover'; readonly subtitle: string; readonly lines: readonly string[] })
  | (SlideBase & {
      readonly kind: 'recommendation';
      readonly option: string;
      readonly headline: string;
      readonly figures: readonly { readonly label: string; readonly value: string; readonly note: string }[];
      /** Warnings the audience must see: a close call, a price that is a placeholder. */
      readonly flags: readonly string[];
    })
  | (SlideBase & {
      readonly kind: 'bullets';
      readonly bullets: readonly string[];
      readonly footnote: string | null;
    })
  | (SlideBase & {
      readonly kind: 'charts';
      readonly charts: readonly NativeChart[];
      readonly footnote: string | null;
    })
  | (SlideBase & {
      readonly kind: 'image';
      /** A chart of the report, by name (charts/<name>.png). */
      readonly image: string;
      readonly bullets: readonly string[];
      readonly table: DeckTable | null;
    })
  | (SlideBase & {
      readonly kind: 'table';
      /** What to read first, above the table. */
      readonly intro: string | null;
      readonly table: DeckTable;
      /** Below the table. */
      readonly bullets: readonly string[];
    });
