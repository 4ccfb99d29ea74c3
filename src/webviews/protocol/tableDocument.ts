/** A read-only document of tables (flavors, specifications, quotas, images), rendered as text: no cell is markup or a link. The page sends only the common `ready`. */

export interface TableSection {
  readonly heading?: string;
  /** Lines of text before the table (a note, how to reach the pods). */
  readonly lines?: readonly string[];
  readonly table?: {
    readonly headers: readonly string[];
    readonly rows: readonly (readonly string[])[];
    /** Columns of numbers, aligned right. */
    readonly numeric?: readonly number[];
  };
}

export interface TableDocument {
  readonly title: string;
  readonly sections: readonly TableSection[];
}

export type TableHostMessage = { readonly type: 'tableDocument'; readonly document: TableDocument };
