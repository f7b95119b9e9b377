/**
 * A typed, in-memory fake of the Excel JavaScript API for tests of the Excel host: a workbook
 * built from a WorkbookModel (so tests start from the engine's fixtures), proxies that behave
 * like Office.js (queued until context.sync(), properties unreadable until loaded and synced),
 * and counters: syncs, and the cells loaded per sync (values, formulas, formats, types).
 *
 *   const fake = FakeExcel.fromModel(toModel(compliantFixture()));
 *   const model = await readWorkbook(fake.host);
 *   expect(fake.stats.syncs).toBeLessThanOrEqual(2);
 */
import type { WorkbookModel } from "../../../engine/model";
import type { ExcelHost } from "../host";
import { FakeDocument, FakeError, type SheetData } from "./fake-doc";
import { FakeContext, type SyncObserver } from "./fake-proxy";
import { FakeWorkbook, type WorkbookHooks } from "./fake-collections";

export { FakeDocument, FakeError } from "./fake-doc";
export type { CellData, FillData, FontData, BorderData, SheetData } from "./fake-doc";

export interface FakeExcelOptions extends WorkbookHooks {
  /** Highest ExcelApi requirement set this Excel supports, e.g. "1.10"; "1.18" by default. */
  apiVersion?: string;
  /** Fail a sync that loads more cells than this, as Excel on the web fails an oversized response. */
  maxCellsPerSync?: number;
}

export interface FakeStats {
  syncs: number;
  /** Cells loaded (values/formulas/numberFormat/valueTypes) in each sync, in order. */
  cellsPerSync: number[];
  maxCellsPerSync: number;
  runs: number;
}

function versionAtMost(version: string, max: string): boolean {
  const [a1, a2 = 0] = version.split(".").map(Number);
  const [b1, b2 = 0] = max.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export class FakeExcel implements SyncObserver {
  stats: FakeStats = { syncs: 0, cellsPerSync: [], maxCellsPerSync: 0, runs: 0 };
  readonly host: ExcelHost;
  private running = 0;

  constructor(
    readonly doc: FakeDocument,
    readonly options: FakeExcelOptions = {}
  ) {
    this.host = {
      run: async <T>(
        batch: (context: Excel.RequestContext) => Promise<T>,
        reuse?: OfficeExtension.ClientRequestContext
      ): Promise<T> => {
        this.stats.runs += 1;
        const context = reuse instanceof FakeContext ? reuse : this.context();
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
  context(): FakeContext {
    const context = new FakeContext(this);
    context.workbook = new FakeWorkbook(context, this.doc, this.options);
    return context;
  }

  supports(version: string): boolean {
    return versionAtMost(version, this.options.apiVersion ?? "1.18");
  }

  resetStats(): void {
    this.stats = { syncs: 0, cellsPerSync: [], maxCellsPerSync: 0, runs: 0 };
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

  sheet(name: string): SheetData {
    const sheet = this.doc.sheet(name);
    if (!sheet) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }

  /** The user edits a sheet: run its onChanged handlers like Excel (details are not given). */
  async emitChanged(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    for (const handler of [...sheet.changed]) {
      await handler({
        type: "WorksheetChanged",
        worksheetId: sheet.id,
        address,
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
      });
    }
  }
}
