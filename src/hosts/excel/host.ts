/**
 * The one door to Excel. Every module of the Excel host takes an ExcelHost instead of using the
 * globals, so tests can hand in the in-memory fake (testing/fake-excel.ts) and count its syncs.
 */

/** What the host's modules ask of Excel.run (Excel.RunOptions). */
export interface RunOptions {
  /**
   * Hold the batch while the user is editing a cell instead of failing it: "When true, the batch
   * request is delayed and runs when the user exits cell edit mode. When false, the batch request
   * automatically fails if the user is in cell edit mode"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
   */
  delayForCellEdit?: boolean;
  /**
   * Run on an existing context (RunOptions.previousObjects): needed to remove event handlers,
   * which belong to the context that added them.
   */
  reuse?: OfficeExtension.ClientRequestContext;
}

export interface ExcelHost {
  /** Run a batch against the workbook, like Excel.run. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ("ExcelApi", "1.18"). */
  isSetSupported(name: string, version: string): boolean;
}

/** The real host, from the Office.js globals; call it only after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run<T>(
      batch: (context: Excel.RequestContext) => Promise<T>,
      options: RunOptions = {}
    ): Promise<T> {
      return Excel.run(
        { delayForCellEdit: options.delayForCellEdit, previousObjects: options.reuse },
        batch
      );
    },
    isSetSupported(name: string, version: string): boolean {
      return Office.context.requirements.isSetSupported(name, version);
    },
  };
}

/** Requirement sets the host relies on, named once so capabilities and modules agree. */
export const API = {
  /** What reading the workbook needs (NamedItem.formula; used ranges, intersections are older). */
  read: "1.7",
  /** workbook.settings: the marks record and the summary sheet's id live in the document. */
  settings: "1.4",
  /** Range.hyperlink, getAbsoluteResizedRange, chart series x values. */
  hyperlinks: "1.7",
  /** RangeFill.pattern and friends: needed to put a fill back exactly as it was. */
  fillPattern: "1.9",
  /** Threaded comments (workbook.comments). */
  comments: "1.10",
  /** workbook.insertWorksheetsFromBase64. */
  insertWorksheets: "1.13",
  /** Notes (workbook.notes), the classic yellow cell notes. */
  notes: "1.18",
} as const;

export function supports(host: Pick<ExcelHost, "isSetSupported">, version: string): boolean {
  return host.isSetSupported("ExcelApi", version);
}

/**
 * How every module of the host runs a batch: held while the user edits a cell, so a check
 * started mid-typing waits for Enter instead of failing (errors.ts words the failure for
 * an Excel that ignores the option).
 */
export function excelRun<T>(
  host: ExcelHost,
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: OfficeExtension.ClientRequestContext
): Promise<T> {
  return host.run(batch, { delayForCellEdit: true, reuse });
}
