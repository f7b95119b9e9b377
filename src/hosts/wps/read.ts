/**
 * The open workbook in WPS 表格 -> the engine's WorkbookModel, the same shape the Excel host
 * (src/hosts/excel/read.ts) and the file reader build.
 *
 * Calls into WPS, per workbook: the sheets, their table objects (name, address, header/totals
 * flags, column names) and the defined names; per sheet the engine needs: its used range's
 * address, Value2 and Formula, one call each for the whole range. Never one call per cell, with
 * two bounded exceptions:
 * - a number equal to a bare XlCVError code (2007 could be #DIV/0! or a year) is confirmed by
 *   that cell's Text (values.ts says why);
 * - number formats (the model carries them as the Excel host's does, and a 1904 workbook
 *   (Workbook.Date1904) needs them to know which numbers are dates) are read per column of the
 *   used range, and a column whose cells differ (NumberFormat is null then, as in Excel:
 *   https://learn.microsoft.com/office/vba/api/excel.range.numberformat) in halves until each
 *   part has one format: a header over dates costs some 2 log2(rows) reads.
 *
 * The sheets the engine needs are the contract's and those holding contract tables, then any
 * sheet that their formulas refer to; the others are listed with no rows (as the Excel host).
 */
import {
  parseDefinedName,
  type DefinedNameModel,
  type TableModel,
  type WorkbookModel,
} from "../../engine/model";
import { a1, parseRange, rangeA1, type RangePos } from "../../engine/util/address";
import { isContractSheet, isContractTable, splitAddress } from "../excel/address";
import { formulaReferences, type Grid } from "../excel/read-cells";
import type { Range, Workbook, Worksheet } from "./et";
import { activeWorkbook, explained, truthy, type WpsHost } from "./host";
import { asRows, isErrorText, mayBeBareErrorCode, toCell } from "./values";

export interface ReadTrace {
  /** Value2/Formula reads of whole ranges. */
  rangeReads: number;
  /** Cells whose Text was read to tell a bare error code from a number. */
  textReads: number;
  /** NumberFormat reads. */
  formatReads: number;
  date1904: boolean;
}

export interface ReadOptions {
  source?: string;
  sheets?: "needed" | "all";
  trace?: ReadTrace;
}

/** Built-in names Excel and WPS keep for print areas and filters: not the user's. */
const BUILT_IN = /^(_xlnm\.|Print_Area$|Print_Titles$|_FilterDatabase$)/i;

export function readWorkbook(host: WpsHost, options: ReadOptions = {}): WorkbookModel {
  try {
    return read(activeWorkbook(host), options);
  } catch (e) {
    throw explained(e);
  }
}

function read(workbook: Workbook, options: ReadOptions): WorkbookModel {
  const trace: ReadTrace = Object.assign(options.trace ?? ({} as ReadTrace), {
    rangeReads: 0,
    textReads: 0,
    formatReads: 0,
    date1904: truthy(workbook.Date1904),
  });
  const sheets = worksheets(workbook);
  const sheetNames = sheets.map((s) => String(s.Name));
  const tables = sheets.flatMap((s) => tablesOf(s));
  const names = definedNames(workbook, sheetNames);

  const holdsTable = new Set(tables.filter((t) => isContractTable(t.name)).map((t) => t.sheet));
  const grids = new Map<string, Grid>();
  const readSheet = (name: string) => {
    const sheet = sheets[sheetNames.indexOf(name)];
    grids.set(name, sheetGrid(sheet, trace));
  };
  const wanted =
    options.sheets === "all"
      ? sheetNames
      : sheetNames.filter((s) => isContractSheet(s) || holdsTable.has(s));
  wanted.forEach(readSheet);
  // Sheets the formulas read refer to (by name, table or defined name), until none is new.
  for (let fresh = referenced(grids, sheetNames, tables, names); fresh.length;) {
    fresh.forEach(readSheet);
    fresh = referenced(grids, sheetNames, tables, names);
  }
  return {
    source: options.source ?? "WPS",
    sheets: sheetNames.map((name) => ({ name, rows: grids.get(name) ?? [] })),
    tables,
    names,
  };
}

/** Every worksheet, in tab order (Worksheets.Item is 1-based). */
export function worksheets(workbook: Workbook): Worksheet[] {
  const out: Worksheet[] = [];
  for (let i = 1; i <= workbook.Worksheets.Count; i += 1) out.push(workbook.Worksheets.Item(i));
  return out;
}

/** "A1:G20" of a range (Address(RowAbsolute = false, ColumnAbsolute = false)). */
export function addressOf(range: Range): RangePos | null {
  return parseRange(splitAddress(String(range.Address(false, false))).ref);
}

function tablesOf(sheet: Worksheet): TableModel[] {
  const out: TableModel[] = [];
  const objects = sheet.ListObjects;
  for (let i = 1; i <= objects.Count; i += 1) {
    const t = objects.Item(i);
    const at = addressOf(t.Range);
    if (!at) continue;
    const columns: string[] = [];
    for (let j = 1; j <= t.ListColumns.Count; j += 1)
      columns.push(String(t.ListColumns.Item(j).Name));
    out.push({
      name: String(t.Name),
      sheet: String(sheet.Name),
      ref: rangeA1(at),
      headerRowCount: truthy(t.ShowHeaders) ? 1 : 0,
      totalsRowCount: truthy(t.ShowTotals) ? 1 : 0,
      columns,
    });
  }
  return out;
}

/**
 * Workbook.Names holds the names of every scope; one scoped to a sheet reads "Sheet!Name"
 * (https://learn.microsoft.com/office/vba/api/excel.name.name), its sheet quoted when needed.
 */
function definedNames(workbook: Workbook, sheetNames: string[]): DefinedNameModel[] {
  const out: DefinedNameModel[] = [];
  const known = new Set(sheetNames);
  for (let i = 1; i <= workbook.Names.Count; i += 1) {
    const n = workbook.Names.Item(i);
    const full = String(n.Name);
    const { sheet, ref: local } = splitAddress(full);
    const scope = sheet !== null && known.has(sheet) ? sheet : undefined;
    const name = scope ? local : full;
    if (BUILT_IN.test(name)) continue;
    const model = parseDefinedName(name, String(n.RefersTo ?? ""));
    out.push(scope ? { ...model, scope } : model);
  }
  return out;
}

/** The sheet's used range, read whole: Value2 and Formula in one call each. */
function sheetGrid(sheet: Worksheet, trace: ReadTrace): Grid {
  const grid: Grid = [];
  const used = sheet.UsedRange;
  const at = addressOf(used);
  if (!at) return grid;
  const height = at.end.row - at.start.row + 1;
  const width = at.end.col - at.start.col + 1;
  const values = asRows(used.Value2, height, width);
  const formulas = asRows(used.Formula, height, width);
  trace.rangeReads += 2;
  const formats = columnFormats(sheet, at, trace);
  for (let i = 0; i < height; i += 1) {
    for (let j = 0; j < width; j += 1) {
      let value = values[i]?.[j];
      const row = at.start.row + i;
      const col = at.start.col + j;
      if (mayBeBareErrorCode(value)) {
        trace.textReads += 1;
        const shown = sheet.Range(a1(row, col)).Text;
        if (isErrorText(shown)) value = shown;
      }
      const cell = toCell(value, formulas[i]?.[j], formats(row, col), trace.date1904);
      if (cell) (grid[row] ??= [])[col] = cell;
    }
  }
  return grid;
}

/** Each cell's number format, from as few NumberFormat reads as the columns allow. */
function columnFormats(
  sheet: Worksheet,
  at: RangePos,
  trace: ReadTrace
): (row: number, col: number) => string | undefined {
  const spans = new Map<number, { from: number; to: number; format: string }[]>();
  const visit = (col: number, from: number, to: number) => {
    trace.formatReads += 1;
    const format = sheet.Range(
      rangeA1({ start: { row: from, col }, end: { row: to, col } })
    ).NumberFormat;
    if (typeof format === "string" || from === to) {
      const list = spans.get(col) ?? [];
      list.push({ from, to, format: typeof format === "string" ? format : "" });
      spans.set(col, list);
      return;
    }
    const mid = from + Math.floor((to - from) / 2);
    visit(col, from, mid);
    visit(col, mid + 1, to);
  };
  for (let col = at.start.col; col <= at.end.col; col += 1) visit(col, at.start.row, at.end.row);
  return (row, col) => spans.get(col)?.find((s) => s.from <= row && row <= s.to)?.format;
}

/** Sheets not read yet that the formulas read so far point at. */
function referenced(
  grids: Map<string, Grid>,
  sheetNames: string[],
  tables: TableModel[],
  names: DefinedNameModel[]
): string[] {
  const bySheet = new Map(sheetNames.map((s) => [s.toLowerCase(), s] as const));
  const tableSheet = new Map(tables.map((t) => [t.name.toLowerCase(), t.sheet] as const));
  const nameSheet = new Map(
    names.filter((n) => n.sheet).map((n) => [n.name.toLowerCase(), n.sheet!] as const)
  );
  const more = new Set<string>();
  for (const grid of grids.values()) {
    const refs = formulaReferences(grid);
    for (const s of refs.sheets) {
      const sheet = bySheet.get(s.toLowerCase());
      if (sheet) more.add(sheet);
    }
    for (const id of refs.identifiers) {
      const sheet = tableSheet.get(id) ?? nameSheet.get(id);
      const known = sheet && bySheet.get(sheet.toLowerCase());
      if (known) more.add(known);
    }
  }
  return [...more].filter((s) => !grids.has(s));
}
