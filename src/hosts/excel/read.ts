/**
 * The open workbook -> the engine's WorkbookModel, the same shape the xlsx host builds from a
 * file (src/hosts/xlsx/read-model.ts), in as few round trips as Office.js allows:
 *
 *   sync 1  sheet names; table objects (name, sheet, header/totals flags, row and column
 *           counts); workbook-scoped names (name, formula).
 *   sync 2  per sheet the engine needs: its used-range address and a window of its cells
 *           (values, formulas, numberFormat, valueTypes) sized from sync 1; its sheet-scoped
 *           names (worksheet.names, ExcelApi 1.4); every table's address and column names.
 *   then    only for what the windows missed: blocks of whole rows, as many per sync as fit in
 *           BUDGET bytes at the bytes each sheet's rows were seen to take in its window, blocks
 *           of several sheets sharing a sync; and once more for sheets that formulas on those
 *           sheets refer to (rare: the template's formulas stay on its sheets).
 *
 * Excel on the web refuses a response over 5 MB (payload.ts): the windows are planned at
 * INITIAL_BYTES_PER_CELL and planned again at half the size when refused; a refused block is
 * read again in halves. Sync 1 also asks which date system the workbook counts in (1904 or
 * 1900, read-cells.ts): Office.js has no property for it, but DATE() answers in the workbook's
 * own system ("year Is a number from 1900 or 1904 (depending on the workbook's date system)",
 * https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1),
 * ExcelApi 1.2): DATE(2000,1,1) is 36526 in the 1900 system and 35064 in the 1904 system.
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
import { explained } from "./errors";
import { excelRun, type ExcelHost } from "./host";
import { BUDGET, isSizeError } from "./payload";
import {
  formulaReferences,
  putRange,
  RANGE_DATA_PROPS,
  rowBytes,
  type Grid,
  type RangeData,
} from "./read-cells";
import {
  CELLS_PER_REQUEST,
  INITIAL_BYTES_PER_CELL,
  insideWindow,
  outsideWindow,
  planRequests,
  planWindows,
  type Block,
  type SheetHint,
  type Window,
} from "./read-plan";

export interface ReadOptions {
  /** Cells in the first request (the windows); CELLS_PER_REQUEST by default. */
  cellsPerRequest?: number;
  /** Bytes a response may carry (BUDGET by default). */
  bytesPerRequest?: number;
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
  /** Requests Excel refused for their size and that were read again in halves. */
  refused: number;
  /** The workbook counts dates from 1904. */
  date1904: boolean;
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
  /** Cells in a window request. */
  budget: number;
  /** Bytes in a response. */
  bytes: number;
  grids: Map<string, Grid>;
  hints: Map<string, SheetHint>;
  /** Bytes a cell of each sheet was seen to take (its largest row / its width). */
  cellBytes: Map<string, number>;
  date1904: boolean;
  trace: ReadTrace;
}

export async function readWorkbook(
  host: ExcelHost,
  options: ReadOptions = {}
): Promise<WorkbookModel> {
  const trace: ReadTrace = options.trace ?? emptyTrace();
  Object.assign(trace, emptyTrace());
  try {
    return await excelRun(host, (context) => read(context, options, trace));
  } catch (e) {
    throw explained(e);
  }
}

function emptyTrace(): ReadTrace {
  return { syncs: 0, windows: [], requests: [], refused: 0, date1904: false };
}

async function read(
  context: Excel.RequestContext,
  options: ReadOptions,
  trace: ReadTrace
): Promise<WorkbookModel> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load(
    "items/name,items/showHeaders,items/showTotals,items/worksheet/name,items/rows/count,items/columns/count"
  );
  const names = workbook.names.load("items/name,items/formula");
  const epoch = workbook.functions.date(2000, 1, 1).load("value");
  await context.sync();
  trace.syncs += 1;
  trace.date1904 = typeof epoch.value === "number" && epoch.value < 36_000;

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
  type TablePart = { range: Excel.Range; columns: Excel.TableColumnCollection };
  let tableParts: TablePart[] = [];

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
    bytes: Math.max(1, options.bytesPerRequest ?? BUDGET),
    grids: new Map(),
    hints: sheetHints(tableInfo),
    cellBytes: new Map(),
    date1904: trace.date1904,
    trace,
  };
  // Names scoped to a sheet (a form's names often are) ride along with sync 2 (again, should
  // Excel refuse that request for its size).
  let localNames: { sheet: string; names: Excel.NamedItemCollection }[] = [];
  const rider = () => {
    tableParts = tables.items.map((t) => ({
      range: t.getRange().load("address"),
      columns: t.columns.load("items/name"),
    }));
    localNames = wanted.map((sheet) => ({
      sheet,
      names: workbook.worksheets.getItem(sheet).names.load("items/name,items/formula"),
    }));
  };
  await readSheets(reader, wanted, rider);
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
async function readSheets(
  reader: Reader,
  sheets: string[],
  rider: () => void = () => undefined
): Promise<void> {
  const rest = await readWindows(reader, sheets, reader.budget, rider);
  const known = [...reader.cellBytes.values()];
  const fallback = Math.max(INITIAL_BYTES_PER_CELL, ...known);
  // A row not yet seen may be longer than those seen: a quarter more than the largest.
  const weight = (sheet: string) => Math.ceil(1.25 * (reader.cellBytes.get(sheet) ?? fallback));
  await readBlocks(reader, planRequests(rest, reader.bytes, weight), 0);
}

/** The windows in one sync; refused for its size, planned again at half the cells. */
async function readWindows(
  reader: Reader,
  sheets: string[],
  budget: number,
  rider: () => void
): Promise<Block[]> {
  const { context, grids, trace } = reader;
  const windows = planWindows(
    sheets.map((name) => ({ name, hint: reader.hints.get(name) })),
    budget
  );
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
  rider();
  try {
    await context.sync();
  } catch (e) {
    if (!isSizeError(e) || budget <= 1) throw e;
    trace.refused += 1;
    return readWindows(reader, sheets, Math.floor(budget / 2), rider);
  }
  trace.syncs += 1;
  trace.windows.push(...windows);
  const rest: Block[] = [];
  for (const { window, used, inWindow } of firsts) {
    const grid: Grid = [];
    grids.set(window.sheet, grid);
    const usedRange = rangeOf(used.address);
    if (!usedRange) continue;
    const inside = inWindow && !inWindow.isNullObject ? insideWindow(usedRange, window) : null;
    if (inside && inWindow) {
      putRange(grid, inside, inWindow, reader.date1904);
      learn(reader, window.sheet, inside.end.col - inside.start.col + 1, inWindow);
    }
    for (const range of outsideWindow(usedRange, inside ? window : { rows: 0, cols: 0 }))
      rest.push({ sheet: window.sheet, range });
  }
  return rest;
}

/** Remember what a cell of this sheet costs in a response, from rows just read. */
function learn(reader: Reader, sheet: string, width: number, data: RangeData): void {
  const largest = Math.max(0, ...rowBytes(data));
  const perCell = largest / Math.max(1, width);
  reader.cellBytes.set(sheet, Math.max(reader.cellBytes.get(sheet) ?? 0, perCell));
}

/** One sync per request-sized batch of blocks (recursion keeps each sync a plain statement). */
async function readBlocks(reader: Reader, requests: Block[][], index: number): Promise<void> {
  if (index >= requests.length) return;
  await readRequest(reader, requests[index]);
  await readBlocks(reader, requests, index + 1);
}

/** One request; refused for its size, its blocks are read again in two halves. */
async function readRequest(reader: Reader, blocks: Block[]): Promise<void> {
  const { context } = reader;
  const loads = blocks.map((block) => ({
    block,
    range: context.workbook.worksheets
      .getItem(block.sheet)
      .getRange(rangeA1(block.range))
      .load(RANGE_DATA_PROPS),
  }));
  try {
    await context.sync();
  } catch (e) {
    const halves = isSizeError(e) ? halve(blocks) : null;
    if (!halves) throw e;
    reader.trace.refused += 1;
    await readRequest(reader, halves[0]);
    await readRequest(reader, halves[1]);
    return;
  }
  reader.trace.syncs += 1;
  reader.trace.requests.push(blocks);
  for (const { block, range } of loads) {
    putRange(reader.grids.get(block.sheet)!, block.range, range, reader.date1904);
    learn(reader, block.sheet, block.range.end.col - block.range.start.col + 1, range);
  }
}

/** Two halves of a request: its blocks, else the rows of its one block, else its columns. */
function halve(blocks: Block[]): [Block[], Block[]] | null {
  if (blocks.length > 1) {
    const mid = Math.ceil(blocks.length / 2);
    return [blocks.slice(0, mid), blocks.slice(mid)];
  }
  const [{ sheet, range }] = blocks;
  const { start, end } = range;
  if (end.row > start.row) {
    const mid = start.row + Math.floor((end.row - start.row) / 2);
    return [
      [{ sheet, range: { start, end: { row: mid, col: end.col } } }],
      [{ sheet, range: { start: { row: mid + 1, col: start.col }, end } }],
    ];
  }
  if (end.col > start.col) {
    const mid = start.col + Math.floor((end.col - start.col) / 2);
    return [
      [{ sheet, range: { start, end: { row: end.row, col: mid } } }],
      [{ sheet, range: { start: { row: start.row, col: mid + 1 }, end } }],
    ];
  }
  return null;
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
