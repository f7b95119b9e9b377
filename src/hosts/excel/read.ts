/**
 * The open workbook -> the engine's WorkbookModel, the same shape the xlsx host builds from a
 * file (src/hosts/xlsx/read-model.ts), in as few round trips as Office.js allows:
 *
 *   sync 1  sheet names; table objects (name, sheet, header/totals flags, row and column
 *           counts); workbook-scoped names (name, formula).
 *   sync 2  per sheet the engine needs: its used-range address and a window of its cells
 *           (values, formulas, numberFormat, valueTypes) sized from sync 1; its sheet-scoped
 *           names (worksheet.names, ExcelApi 1.4); every table's address and column names.
 *   then    only for what the windows missed: blocks of whole rows, CELLS_PER_REQUEST cells
 *           per sync, blocks of several sheets sharing a sync; and once more for sheets that
 *           formulas on those sheets refer to (rare: the template's formulas stay on its sheets).
 *
 * Why not every used-range address in sync 1: Office.js cannot call a method (getUsedRange)
 * on a sheet before a sync has told it the sheet's name, so the addresses come with the first
 * window of cells instead. A workbook that fits one request is read in two syncs.
 *
 * The sheets the engine needs are the contract's (matched like findSheet) and the sheets
 * holding contract tables; other sheets are listed with no rows unless `sheets: "all"`.
 */
import {
  parseDefinedName,
  type DefinedNameModel,
  type TableModel,
  type WorkbookModel,
} from "../../engine/model";
import { a1, parseRange, rangeA1 } from "../../engine/util/address";
import { isContractSheet, isContractTable, rangeOf, splitAddress } from "./address";
import type { ExcelHost } from "./host";
import { formulaReferences, putRange, RANGE_DATA_PROPS, type Grid } from "./read-cells";
import {
  CELLS_PER_REQUEST,
  insideWindow,
  outsideWindow,
  planRequests,
  planWindows,
  type Block,
  type SheetHint,
  type Window,
} from "./read-plan";

export interface ReadOptions {
  /** Cells per request (values, formulas, formats and types of each); CELLS_PER_REQUEST by default. */
  cellsPerRequest?: number;
  /** The model's source, for messages; "Excel" by default. */
  source?: string;
  /** "all" reads every sheet, not only those the engine needs. */
  sheets?: "needed" | "all";
  /** Filled in with what the reader did, for tests and diagnostics. */
  trace?: ReadTrace;
}

export interface ReadTrace {
  syncs: number;
  windows: Window[];
  /** Blocks read after the windows, one inner list per sync. */
  requests: Block[][];
}

interface TableInfo {
  name: string;
  sheet: string;
  showHeaders: boolean;
  showTotals: boolean;
  rows: number;
  cols: number;
}

interface Reader {
  context: Excel.RequestContext;
  budget: number;
  grids: Map<string, Grid>;
  hints: Map<string, SheetHint>;
  trace: ReadTrace;
}

export async function readWorkbook(
  host: ExcelHost,
  options: ReadOptions = {}
): Promise<WorkbookModel> {
  const trace: ReadTrace = options.trace ?? { syncs: 0, windows: [], requests: [] };
  Object.assign(trace, { syncs: 0, windows: [], requests: [] });
  return host.run(async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets.load("items/name");
    const tables = workbook.tables.load(
      "items/name,items/showHeaders,items/showTotals,items/worksheet/name,items/rows/count,items/columns/count"
    );
    const names = workbook.names.load("items/name,items/formula");
    await context.sync();
    trace.syncs += 1;

    const sheetNames = worksheets.items.map((s) => s.name);
    const tableInfo: TableInfo[] = tables.items.map((t) => ({
      name: t.name,
      sheet: t.worksheet.name,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      rows: t.rows.count,
      cols: t.columns.count,
    }));
    const definedNames: DefinedNameModel[] = names.items
      .filter((n) => !n.name.startsWith("_xlnm."))
      .map((n) => definedName(n.name, n.formula));
    // Table addresses and column names ride along with the first read of cells (sync 2).
    const tableParts = tables.items.map((t) => ({
      range: t.getRange().load("address"),
      columns: t.columns.load("items/name"),
    }));

    const holdsContractTable = new Set(
      tableInfo.filter((t) => isContractTable(t.name)).map((t) => t.sheet)
    );
    const wanted =
      options.sheets === "all"
        ? sheetNames
        : sheetNames.filter((s) => isContractSheet(s) || holdsContractTable.has(s));
    const reader: Reader = {
      context,
      budget: Math.max(1, options.cellsPerRequest ?? CELLS_PER_REQUEST),
      grids: new Map(),
      hints: sheetHints(tableInfo),
      trace,
    };
    // Names scoped to a sheet (a form's names often are) ride along with sync 2.
    const localNames = wanted.map((sheet) => ({
      sheet,
      names: workbook.worksheets.getItem(sheet).names.load("items/name,items/formula"),
    }));
    await readSheets(reader, wanted);
    for (const { sheet, names: local } of localNames)
      for (const n of local.items)
        if (!n.name.startsWith("_xlnm."))
          definedNames.push({ ...definedName(n.name, n.formula), scope: sheet });
    await readReferenced(reader, sheetNames, tableInfo, definedNames);

    const model: WorkbookModel = {
      source: options.source ?? "Excel",
      sheets: sheetNames.map((name) => ({ name, rows: reader.grids.get(name) ?? [] })),
      tables: tableInfo.flatMap((t, i): TableModel[] => {
        const ref = splitAddress(tableParts[i].range.address).ref;
        if (!parseRange(ref)) return [];
        return [
          {
            name: t.name,
            sheet: t.sheet,
            ref,
            headerRowCount: t.showHeaders ? 1 : 0,
            totalsRowCount: t.showTotals ? 1 : 0,
            columns: tableParts[i].columns.items.map((c) => c.name),
          },
        ];
      }),
      names: definedNames,
    };
    return model;
  });
}

/** Table sizes per sheet, to size each sheet's first window. */
function sheetHints(tables: TableInfo[]): Map<string, SheetHint> {
  const hints = new Map<string, SheetHint>();
  for (const t of tables) {
    const h = hints.get(t.sheet) ?? { rows: 0, cols: 0 };
    h.rows += t.rows + (t.showHeaders ? 1 : 0) + (t.showTotals ? 1 : 0);
    h.cols = Math.max(h.cols, t.cols);
    hints.set(t.sheet, h);
  }
  return hints;
}

/** One window sync for the sheets, then the blocks the windows missed. */
async function readSheets(reader: Reader, sheets: string[]): Promise<void> {
  const { context, budget, grids, trace } = reader;
  const windows = planWindows(
    sheets.map((name) => ({ name, hint: reader.hints.get(name) })),
    budget
  );
  trace.windows.push(...windows);
  const firsts = windows.map((w) => {
    const sheet = context.workbook.worksheets.getItem(w.sheet);
    const used = sheet.getUsedRange(true).load("address");
    const inWindow =
      w.rows > 0
        ? sheet
            .getRange(`A1:${a1(w.rows - 1, w.cols - 1)}`)
            .getIntersectionOrNullObject(used)
            .load(RANGE_DATA_PROPS)
        : null;
    return { window: w, used, inWindow };
  });
  await context.sync();
  trace.syncs += 1;
  const rest: Block[] = [];
  for (const { window, used, inWindow } of firsts) {
    const grid: Grid = [];
    grids.set(window.sheet, grid);
    const usedRange = rangeOf(used.address);
    if (!usedRange) continue;
    const inside = inWindow && !inWindow.isNullObject ? insideWindow(usedRange, window) : null;
    if (inside && inWindow) putRange(grid, inside, inWindow);
    for (const range of outsideWindow(usedRange, inside ? window : { rows: 0, cols: 0 }))
      rest.push({ sheet: window.sheet, range });
  }
  const requests = planRequests(rest, budget);
  trace.requests.push(...requests);
  await readBlocks(reader, requests, 0);
}

/** One sync per request-sized batch of blocks (recursion keeps each sync a plain statement). */
async function readBlocks(reader: Reader, requests: Block[][], index: number): Promise<void> {
  if (index >= requests.length) return;
  const { context } = reader;
  const loads = requests[index].map((block) => ({
    block,
    range: context.workbook.worksheets
      .getItem(block.sheet)
      .getRange(rangeA1(block.range))
      .load(RANGE_DATA_PROPS),
  }));
  await context.sync();
  reader.trace.syncs += 1;
  for (const { block, range } of loads)
    putRange(reader.grids.get(block.sheet)!, block.range, range);
  await readBlocks(reader, requests, index + 1);
}

/** Sheets that formulas already read refer to (by sheet, table or defined name), read in turn. */
async function readReferenced(
  reader: Reader,
  sheetNames: string[],
  tables: TableInfo[],
  names: DefinedNameModel[]
): Promise<void> {
  const bySheet = new Map(sheetNames.map((s) => [s.toLowerCase(), s] as const));
  const tableSheet = new Map(tables.map((t) => [t.name.toLowerCase(), t.sheet] as const));
  const nameSheet = new Map(
    names.filter((n) => n.sheet).map((n) => [n.name.toLowerCase(), n.sheet!] as const)
  );
  const more = new Set<string>();
  for (const grid of reader.grids.values()) {
    const refs = formulaReferences(grid);
    for (const s of refs.sheets) {
      const sheet = bySheet.get(s.toLowerCase());
      if (sheet) more.add(sheet);
    }
    for (const id of refs.identifiers) {
      const sheet = tableSheet.get(id) ?? nameSheet.get(id);
      if (sheet && bySheet.has(sheet.toLowerCase())) more.add(bySheet.get(sheet.toLowerCase())!);
    }
  }
  const fresh = [...more].filter((s) => !reader.grids.has(s));
  if (!fresh.length) return;
  await readSheets(reader, fresh);
  await readReferenced(reader, sheetNames, tables, names);
}

/** A defined name's target, parsed like the xlsx host: one range on one sheet, or nothing. */
export const definedName = parseDefinedName;
