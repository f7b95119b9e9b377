/**
 * A typed, in-memory fake of the Excel JavaScript API for tests of the Excel host: a workbook
 * built from a WorkbookModel (so tests start from the engine's fixtures), proxies that behave
 * like Office.js (queued until context.sync(), properties unreadable until loaded and synced),
 * and counters: syncs, the cells loaded per sync, the bytes of every request and response.
 *
 *   const fake = FakeExcel.fromModel(toModel(compliantFixture()));
 *   const model = await readWorkbook(fake.host);
 *   expect(fake.stats.syncs).toBeLessThanOrEqual(2);
 *
 * It is as strict as Excel where the add-in meets Excel's limits, each from Microsoft's
 * documentation:
 *
 * - Excel on the web refuses a request or a response over 5 MB: "Excel on the web has a payload
 *   size limit for requests and responses of 5MB"
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 *   with the error codes RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded
 *   (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 *   Requests are measured as Office.js serializes them (fake-proxy.ts), in UTF-8 bytes of the
 *   JSON, against 5,000,000 bytes: the stricter reading of "5MB".
 * - While the user edits a cell, a batch fails with InvalidOperationInCellEditMode unless it
 *   was run with { delayForCellEdit: true }, which holds it until the edit ends
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 * - Protected sheets and a protected workbook structure refuse changes (fake-doc.ts).
 * - Changes the add-in makes raise the same events as the user's ("Office Add-in (JavaScript)
 *   code that changes the workbook" triggers them,
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers),
 *   with triggerSource "ThisLocalAddin" from ExcelApi 1.14
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member).
 * - A hidden sheet cannot be activated; notes.add and comments.add take one cell only.
 * - workbook.settings belong to one add-in Id; custom XML parts to the file.
 */
import type { WorkbookModel } from "../../../engine/model";
import type { ExcelHost, RunOptions } from "../host";
import { FakeDocument, FakeError, type RaisedEvent, type SheetData } from "./fake-doc";
import { FakeContext, type SyncObserver } from "./fake-proxy";
import { FakeWorkbook, type WorkbookHooks } from "./fake-collections";

export { FakeDocument, FakeError } from "./fake-doc";
export type { CellData, FillData, FontData, BorderData, SheetData } from "./fake-doc";

/** Excel on the web's limit for a request and for a response, in bytes. */
export const PAYLOAD_LIMIT = 5_000_000;

export interface FakeExcelOptions extends WorkbookHooks {
  /** Highest ExcelApi requirement set this Excel supports, e.g. "1.10"; "1.18" by default. */
  apiVersion?: string;
  /** Fail a sync that loads more cells than this, as Excel on the web fails an oversized response. */
  maxCellsPerSync?: number;
  /** Bytes a request or response may have (PAYLOAD_LIMIT, Excel on the web); null: no limit (desktop). */
  payloadLimit?: number | null;
}

export interface FakeStats {
  syncs: number;
  /** Cells loaded (values/formulas/numberFormat/valueTypes) in each sync, in order. */
  cellsPerSync: number[];
  maxCellsPerSync: number;
  runs: number;
  /** Bytes of each request and response, in order. */
  requestBytes: number[];
  responseBytes: number[];
  /** Requests and responses Excel refused for their size. */
  refused: number;
  /** Syncs held until the user finished editing a cell. */
  delayedForCellEdit: number;
}

function versionAtMost(version: string, max: string): boolean {
  const [a1, a2 = 0] = version.split(".").map(Number);
  const [b1, b2 = 0] = max.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

const emptyStats = (): FakeStats => ({
  syncs: 0,
  cellsPerSync: [],
  maxCellsPerSync: 0,
  runs: 0,
  requestBytes: [],
  responseBytes: [],
  refused: 0,
  delayedForCellEdit: 0,
});

export class FakeExcel implements SyncObserver {
  stats: FakeStats = emptyStats();
  readonly host: ExcelHost;
  private running = 0;
  private editing: { done: Promise<void>; end: () => void } | null = null;
  /** Event dispatches under way (await settled() to let handlers run). */
  private dispatching: Promise<void> = Promise.resolve();

  constructor(
    readonly doc: FakeDocument,
    readonly options: FakeExcelOptions = {}
  ) {
    this.host = {
      run: async <T>(
        batch: (context: Excel.RequestContext) => Promise<T>,
        runOptions: RunOptions = {}
      ): Promise<T> => {
        this.stats.runs += 1;
        const reuse = runOptions.reuse;
        const context =
          reuse instanceof FakeContext
            ? reuse
            : this.context({ delayForCellEdit: runOptions.delayForCellEdit });
        const result = await batch(context as unknown as Excel.RequestContext);
        // Excel.run sends whatever is still queued when the batch returns.
        if (context.pending) await context.sync();
        return result;
      },
      isSetSupported: (name: string, version: string): boolean =>
        name === "ExcelApi" && versionAtMost(version, this.options.apiVersion ?? "1.18"),
    };
  }

  static fromModel(model: WorkbookModel, options: FakeExcelOptions = {}): FakeExcel {
    return new FakeExcel(FakeDocument.fromModel(model), options);
  }

  /** A new request context, as Excel.run makes one. */
  context(runOptions: { delayForCellEdit?: boolean } = {}): FakeContext {
    const context = new FakeContext(this, runOptions);
    context.workbook = new FakeWorkbook(context, this.doc, this.options);
    return context;
  }

  supports(version: string): boolean {
    return versionAtMost(version, this.options.apiVersion ?? "1.18");
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  get payloadLimit(): number | null {
    return this.options.payloadLimit === undefined ? PAYLOAD_LIMIT : this.options.payloadLimit;
  }

  beginSync(): void {
    this.stats.syncs += 1;
    this.stats.cellsPerSync.push(0);
    this.running = this.stats.cellsPerSync.length - 1;
  }

  cellsLoaded(count: number): void {
    this.stats.cellsPerSync[this.running] += count;
    const limit = this.options.maxCellsPerSync;
    if (limit !== undefined && this.stats.cellsPerSync[this.running] > limit)
      throw new FakeError(
        "ResponsePayloadSizeLimitExceeded",
        `more than ${limit} cells in one request`
      );
  }

  endSync(): void {
    this.stats.maxCellsPerSync = Math.max(
      this.stats.maxCellsPerSync,
      this.stats.cellsPerSync[this.running]
    );
  }

  request(bytes: number): void {
    this.stats.requestBytes.push(bytes);
    const limit = this.payloadLimit;
    if (limit !== null && bytes > limit) {
      this.stats.refused += 1;
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. (fake: ${bytes} bytes)`
      );
    }
  }

  response(bytes: number): void {
    this.stats.responseBytes.push(bytes);
    const limit = this.payloadLimit;
    if (limit !== null && bytes > limit) {
      this.stats.refused += 1;
      throw new FakeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. (fake: ${bytes} bytes)`
      );
    }
  }

  /** While the user edits a cell, requests wait (delayForCellEdit) or fail. */
  async admit(context: FakeContext): Promise<void> {
    if (!this.editing) return;
    if (!context.runOptions.delayForCellEdit)
      throw new FakeError(
        "InvalidOperationInCellEditMode",
        "The operation isn't available while Excel is in Edit cell mode."
      );
    this.stats.delayedForCellEdit += 1;
    await this.editing.done;
  }

  /** The user starts typing in a cell (edit mode) … */
  beginCellEdit(): void {
    if (this.editing) return;
    let end = () => {};
    const done = new Promise<void>((resolve) => (end = resolve));
    this.editing = { done, end };
  }

  /** … and presses Enter. */
  endCellEdit(): void {
    const editing = this.editing;
    this.editing = null;
    editing?.end();
  }

  afterSync(): void {
    const raised = this.doc.raised;
    this.doc.raised = [];
    if (!raised.length) return;
    // Handlers run after the request that raised the events has come back.
    this.dispatching = this.dispatching.then(() => this.dispatch(raised, "ThisLocalAddin"));
  }

  /** Lets the handlers of events raised so far run. */
  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.dispatching;
      await current;
      await new Promise((resolve) => setImmediate(resolve));
    } while (current !== this.dispatching);
  }

  private async dispatch(
    events: RaisedEvent[],
    trigger: "ThisLocalAddin" | "Unknown"
  ): Promise<void> {
    const triggerSource =
      trigger === "ThisLocalAddin" && this.supports("1.14") ? trigger : "Unknown";
    for (const e of events) {
      const base = { worksheetId: e.sheet.id, source: "Local" };
      const run = async (
        handlers: Iterable<(a: Record<string, unknown>) => Promise<unknown>>,
        args: Record<string, unknown>
      ) => {
        for (const handler of [...handlers]) {
          try {
            await handler(args);
          } catch {
            // Office.js does not surface a handler's failure.
          }
        }
      };
      if (e.kind === "changed") {
        const args = {
          type: "WorksheetChanged",
          ...base,
          address: e.args.address ?? "A1",
          changeType: "RangeEdited",
          triggerSource,
        };
        await run(e.sheet.changed, args);
        await run(this.doc.handlers.changed, args);
      } else if (e.kind === "added")
        await run(this.doc.handlers.added, { type: "WorksheetAdded", ...base });
      else if (e.kind === "deleted")
        await run(this.doc.handlers.deleted, { type: "WorksheetDeleted", ...base });
      else
        await run(this.doc.handlers.nameChanged, {
          type: "WorksheetNameChanged",
          ...base,
          ...e.args,
        });
    }
  }

  sheet(name: string): SheetData {
    const sheet = this.doc.sheet(name);
    if (!sheet) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }

  /** The user edits a sheet: run its onChanged handlers like Excel (details are not given). */
  async emitChanged(sheetName: string, address: string): Promise<void> {
    await this.dispatch(
      [{ kind: "changed", sheet: this.sheet(sheetName), args: { address } }],
      "Unknown"
    );
  }

  /** The user adds a sheet (the + beside the tabs). */
  async userAddsSheet(name: string): Promise<SheetData> {
    const sheet = this.doc.addSheet(name);
    await this.dispatch([{ kind: "added", sheet, args: {} }], "Unknown");
    return sheet;
  }

  /** The user renames a sheet (double-click on its tab). */
  async userRenamesSheet(from: string, to: string): Promise<void> {
    const sheet = this.sheet(from);
    sheet.name = to;
    await this.dispatch(
      [{ kind: "nameChanged", sheet, args: { nameBefore: from, nameAfter: to } }],
      "Unknown"
    );
  }
}
