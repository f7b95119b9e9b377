/**
 * Finding the contract's tables and named values in a workbook, tolerating the drift real
 * workbooks show: table objects lost, columns reordered, headers with glosses or units.
 */
import type { CellModel, SheetModel, WorkbookModel } from "../model";
import { getSheet } from "../model";
import type { FieldDef, NameDef, TableDef } from "../contract/tables";
import { INFO_SHEET } from "../contract/tables";
import { parseRange, parseA1 } from "../util/address";
import { cellText, compact, headerKeys } from "../util/text";

/** How far down a sheet a header row is looked for when the table object is gone. */
export const HEADER_SEARCH_ROWS = 10;

export interface LocatedTable {
  def: TableDef;
  sheet: SheetModel;
  /** 'table': found by its table object; 'header': by sheet name and header row. */
  foundBy: "table" | "header";
  headerRow: number;
  firstDataRow: number;
  /** Last row that may hold data (inclusive). */
  lastDataRow: number;
  totalsRow: number | null;
  /** field key -> zero-based column */
  columns: Record<string, number>;
  missing: FieldDef[];
}

function fieldKeys(field: FieldDef | NameDef): Set<string> {
  const texts = "header" in field ? [field.header, field.en] : [field.label, field.en];
  const keys = new Set<string>();
  for (const t of [...texts, ...(field.aliases ?? [])]) for (const k of headerKeys(t)) keys.add(k);
  return keys;
}

const keyCache = new Map<FieldDef | NameDef, Set<string>>();
function cachedKeys(field: FieldDef | NameDef): Set<string> {
  let keys = keyCache.get(field);
  if (!keys) {
    keys = fieldKeys(field);
    keyCache.set(field, keys);
  }
  return keys;
}

/** Does this header text name this field? */
export function headerMatches(text: string, field: FieldDef | NameDef): boolean {
  if (!text) return false;
  const keys = cachedKeys(field);
  return headerKeys(text).some((k) => keys.has(k));
}

/** Map fields to columns of one header row. The canonical header wins over an alias. */
function mapColumns(headerCells: (CellModel | undefined)[], fields: readonly FieldDef[]) {
  const columns: Record<string, number> = {};
  const taken = new Set<number>();
  const texts = headerCells.map((c) => cellText(c?.v));
  // First pass: exact canonical header (after normalising), so '类别' beats an alias '类别' elsewhere.
  for (const field of fields) {
    const canon = compact(field.header).toLowerCase();
    const col = texts.findIndex((t, i) => !taken.has(i) && t && headerKeys(t).includes(canon));
    if (col >= 0) {
      columns[field.key] = col;
      taken.add(col);
    }
  }
  for (const field of fields) {
    if (columns[field.key] !== undefined) continue;
    const col = texts.findIndex((t, i) => !taken.has(i) && headerMatches(t, field));
    if (col >= 0) {
      columns[field.key] = col;
      taken.add(col);
    }
  }
  return columns;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const exact = getSheet(model, name);
  if (exact) return exact;
  const key = compact(name);
  return model.sheets.find((s) => compact(s.name) === key);
}

export function locateTable(
  model: WorkbookModel,
  def: TableDef
): LocatedTable | "no-sheet" | "no-header" {
  const object = model.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  if (object) {
    const sheet = getSheet(model, object.sheet);
    const range = parseRange(object.ref);
    if (sheet && range) {
      const headerRow = range.start.row;
      const header = (sheet.rows[headerRow] ?? []).slice(0, range.end.col + 1);
      const inRange = header.map((c, i) => (i >= range.start.col ? c : undefined));
      const columns = mapColumns(inRange, def.fields);
      const totalsRow = object.totalsRowCount > 0 ? range.end.row : null;
      return {
        def,
        sheet,
        foundBy: "table",
        headerRow,
        firstDataRow: headerRow + Math.max(1, object.headerRowCount),
        lastDataRow: range.end.row - object.totalsRowCount,
        totalsRow,
        columns,
        missing: def.fields.filter((f) => columns[f.key] === undefined),
      };
    }
  }
  const sheet = findSheet(model, def.sheet);
  if (!sheet) return "no-sheet";
  let best: { row: number; columns: Record<string, number>; score: number } | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r += 1) {
    const columns = mapColumns(sheet.rows[r] ?? [], def.fields);
    const score = Object.keys(columns).length;
    if (score > (best?.score ?? 0)) best = { row: r, columns, score };
  }
  const required = def.fields.filter((f) => !f.optional).length;
  if (!best || best.score < Math.min(2, required)) return "no-header";
  const columns = best.columns;
  const totalsRow = findTotalsRow(sheet, best.row + 1);
  return {
    def,
    sheet,
    foundBy: "header",
    headerRow: best.row,
    firstDataRow: best.row + 1,
    lastDataRow: (totalsRow ?? sheet.rows.length) - 1,
    totalsRow,
    columns,
    missing: def.fields.filter((f) => columns[f.key] === undefined),
  };
}

/** Without a table object, a row whose first cell says 合计/汇总/Total ends the data. */
function findTotalsRow(sheet: SheetModel, from: number): number | null {
  for (let r = from; r < sheet.rows.length; r += 1) {
    const first = compact(cellText(sheet.rows[r]?.[0]?.v)).toLowerCase();
    if (first === "合计" || first === "总计" || first === "汇总" || first === "total") return r;
  }
  return null;
}

export interface LocatedName {
  def: NameDef;
  sheet: string;
  row: number;
  col: number;
  foundBy: "name" | "label";
}

export function locateName(model: WorkbookModel, def: NameDef): LocatedName | null {
  const named = model.names.find((n) => n.name.toLowerCase() === def.name.toLowerCase());
  if (named?.sheet && named.ref) {
    const pos = parseA1(named.ref.split(":")[0]);
    const sheet = getSheet(model, named.sheet);
    if (pos && sheet)
      return { def, sheet: sheet.name, row: pos.row, col: pos.col, foundBy: "name" };
  }
  const sheet = findSheet(model, INFO_SHEET);
  if (!sheet) return null;
  for (let r = 0; r < sheet.rows.length; r += 1) {
    const row = sheet.rows[r];
    if (!row || !headerMatches(cellText(row[0]?.v), def)) continue;
    return { def, sheet: sheet.name, row: r, col: 1, foundBy: "label" };
  }
  return null;
}
