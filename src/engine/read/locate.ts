/**
 * Finding the contract's tables and named values in a workbook, tolerating the drift real
 * workbooks show: table objects lost, columns reordered, headers with glosses or units,
 * labels with a colon, names scoped to a sheet. Where two columns could be one field the
 * reader says so instead of picking one.
 */
import type { CellModel, SheetModel, WorkbookModel } from "../model";
import { getSheet } from "../model";
import type { FieldDef, NameDef, TableDef } from "../contract/tables";
import { INFO_SHEET, NAMES } from "../contract/tables";
import { parseRange, parseA1 } from "../util/address";
import { cellText, compact } from "../util/text";
import { canonicalKey, aliasKeysOf, headerKey, isQualifiedVariant, matchKind } from "./headers";
import { isFooterRow, isTotalLabel } from "./rows";

/** How far down a sheet a header row is looked for when the table object is gone. */
export const HEADER_SEARCH_ROWS = 10;

export interface AmbiguousColumn {
  field: FieldDef;
  /** Zero-based columns that could each be the field. */
  columns: number[];
}

export interface LocatedTable {
  def: TableDef<string>;
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
  /** Columns the table spans, where a typed total row's label may stand. */
  span: { first: number; last: number };
  /** Multipliers a header's unit gloss implies ("金额（万元）": 10,000), by field key. */
  scales: Record<string, number>;
  /** Header text by column, as it stands in the header row. */
  headers: string[];
  /** Fields not found, including those with more than one candidate column. */
  missing: FieldDef[];
  ambiguous: AmbiguousColumn[];
  /** Columns whose header qualifies the field's name ("金额（大写）"), by field key: not the field. */
  nearMisses: Record<string, number[]>;
}

interface ColumnMap {
  columns: Record<string, number>;
  scales: Record<string, number>;
  ambiguous: AmbiguousColumn[];
  nearMisses: Record<string, number[]>;
}

/**
 * Map fields to the columns of one header row. A canonical header wins over an alias; more
 * than one candidate left is ambiguous (never a silent pick).
 */
function mapColumns(
  texts: string[],
  fields: readonly FieldDef[],
  first: number,
  last: number
): ColumnMap {
  const canonical = new Map<FieldDef, number[]>();
  const alias = new Map<FieldDef, number[]>();
  const keys: string[] = [];
  for (let col = first; col <= Math.min(last, texts.length - 1); col += 1) {
    const text = texts[col];
    if (!text) continue;
    const key = headerKey(text).key;
    keys[col] = key;
    if (!key) continue;
    for (const field of fields) {
      if (key === canonicalKey(field)) push(canonical, field, col);
      else if (aliasKeysOf(field).has(key)) push(alias, field, col);
    }
  }
  const columns: Record<string, number> = {};
  const scales: Record<string, number> = {};
  const ambiguous: AmbiguousColumn[] = [];
  const claimed = new Set<number>();
  for (const field of fields) {
    const cols = canonical.get(field) ?? [];
    if (cols.length === 1) columns[field.key] = cols[0];
    else if (cols.length > 1) ambiguous.push({ field, columns: cols });
    for (const c of cols) claimed.add(c);
  }
  for (const field of fields) {
    if (canonical.has(field)) continue;
    const cols = (alias.get(field) ?? []).filter((c) => !claimed.has(c));
    if (cols.length === 1) columns[field.key] = cols[0];
    else if (cols.length > 1) ambiguous.push({ field, columns: cols });
    for (const c of cols) claimed.add(c);
  }
  for (const [key, col] of Object.entries(columns)) {
    const scale = headerKey(texts[col]).scale;
    if (scale !== 1) scales[key] = scale;
  }
  const nearMisses: Record<string, number[]> = {};
  for (const field of fields) {
    if (columns[field.key] !== undefined || ambiguous.some((a) => a.field === field)) continue;
    const near: number[] = [];
    for (let col = first; col <= Math.min(last, texts.length - 1); col += 1)
      if (texts[col] && !claimed.has(col) && isQualifiedVariant(texts[col], field)) near.push(col);
    if (near.length) nearMisses[field.key] = near;
  }
  return { columns, scales, ambiguous, nearMisses };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function rowTexts(cells: (CellModel | undefined)[] | undefined): string[] {
  return (cells ?? []).map((c) => cellText(c?.v));
}

/** Does this header text name this field (by its canonical header or an alias)? */
export function headerMatches(text: string, field: FieldDef | NameDef): boolean {
  return matchKind(text, field) !== null;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const exact = getSheet(model, name);
  if (exact) return exact;
  const key = compact(name);
  return model.sheets.find((s) => compact(s.name) === key);
}

function located(
  def: TableDef<string>,
  sheet: SheetModel,
  foundBy: LocatedTable["foundBy"],
  headerRow: number,
  rows: { first: number; last: number; totals: number | null },
  span: LocatedTable["span"],
  headers: string[],
  map: ColumnMap
): LocatedTable {
  const ambiguousFields = new Set(map.ambiguous.map((a) => a.field));
  return {
    def,
    sheet,
    foundBy,
    headerRow,
    firstDataRow: rows.first,
    lastDataRow: rows.last,
    totalsRow: rows.totals,
    columns: map.columns,
    span,
    scales: map.scales,
    headers,
    missing: def.fields.filter((f) => map.columns[f.key] === undefined || ambiguousFields.has(f)),
    ambiguous: map.ambiguous,
    nearMisses: map.nearMisses,
  };
}

export function locateTable(
  model: WorkbookModel,
  def: TableDef<string>
): LocatedTable | "no-sheet" | "no-header" {
  const object = model.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  if (object) {
    const sheet = getSheet(model, object.sheet);
    const range = parseRange(object.ref);
    if (sheet && range) {
      const headerRow = range.start.row;
      const headers = rowTexts(sheet.rows[headerRow]);
      const map = mapColumns(headers, def.fields, range.start.col, range.end.col);
      return located(
        def,
        sheet,
        "table",
        headerRow,
        {
          first: headerRow + Math.max(1, object.headerRowCount),
          last: range.end.row - object.totalsRowCount,
          totals: object.totalsRowCount > 0 ? range.end.row : null,
        },
        { first: range.start.col, last: range.end.col },
        headers,
        map
      );
    }
  }
  const sheet = findSheet(model, def.sheet);
  if (!sheet) return "no-sheet";
  let best: { row: number; map: ColumnMap; score: number } | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r += 1) {
    const map = mapColumns(rowTexts(sheet.rows[r]), def.fields, 0, Infinity);
    const score = Object.keys(map.columns).length + map.ambiguous.length;
    if (score > (best?.score ?? 0)) best = { row: r, map, score };
  }
  const required = def.fields.filter((f) => !f.optional).length;
  if (!best || best.score < Math.min(2, required)) return "no-header";
  const headers = rowTexts(sheet.rows[best.row]);
  const filled = headers.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
  const span = { first: Math.min(...filled), last: Math.max(...filled) };
  return located(
    def,
    sheet,
    "header",
    best.row,
    dataRowsBelowHeader(sheet, def, best.row, span),
    span,
    headers,
    best.map
  );
}

/**
 * Without a table object the data runs down the sheet until a signature or note line
 * (制表人：…) or the end. A template totals row at the bottom (the table object's own, lost
 * with it) closes the data without a finding; totals rows a user typed are the row reader's.
 */
function dataRowsBelowHeader(
  sheet: SheetModel,
  def: TableDef<string>,
  headerRow: number,
  span: LocatedTable["span"]
): { first: number; last: number; totals: number | null } {
  let last = sheet.rows.length - 1;
  for (let r = headerRow + 1; r < sheet.rows.length; r += 1) {
    if (isFooterRow(sheet.rows[r], span)) {
      last = r - 1;
      break;
    }
  }
  while (last > headerRow && isBlankRow(sheet.rows[last], span)) last -= 1;
  if (def.templateTotalsRow && last > headerRow) {
    const label = firstText(sheet.rows[last], span);
    if (label && isTotalLabel(label)) return { first: headerRow + 1, last: last - 1, totals: last };
  }
  return { first: headerRow + 1, last, totals: null };
}

function isBlankRow(cells: (CellModel | undefined)[] | undefined, span: LocatedTable["span"]) {
  return firstText(cells, span) === "";
}

function firstText(
  cells: (CellModel | undefined)[] | undefined,
  span: LocatedTable["span"]
): string {
  if (!cells) return "";
  for (let c = span.first; c <= Math.min(span.last, cells.length - 1); c += 1) {
    const t = cellText(cells[c]?.v);
    if (t) return t;
  }
  return "";
}

export interface LocatedName {
  def: NameDef;
  sheet: string;
  row: number;
  col: number;
  /** 'name': a defined name (workbook- or sheet-scoped); 'label': its label on the form. */
  foundBy: "name" | "label";
  /** The value typed into the label's own cell after its colon ("项目名称：XX项目"). */
  inline?: string;
}

/** Labels are looked for in the first columns of the form; column A first. */
const LABEL_COLUMNS = 12;
/** A value may stand a few cells right of its label (merged label cells, a spacer column). */
const VALUE_REACH = 3;

export function locateName(model: WorkbookModel, def: NameDef): LocatedName | null {
  const byName = definedNameTarget(model, def);
  if (byName) return byName;
  const sheet = findSheet(model, INFO_SHEET);
  if (!sheet) return null;
  return findLabel(sheet, def);
}

/** A defined name of the value: see rank() for which one wins when there are several. */
function definedNameTarget(model: WorkbookModel, def: NameDef): LocatedName | null {
  const wanted = def.name.toLowerCase();
  const info = findSheet(model, INFO_SHEET)?.name;
  const candidates = model.names
    .filter((n) => n.name.toLowerCase() === wanted && n.sheet && n.ref)
    .sort((a, b) => rank(a, info) - rank(b, info));
  for (const named of candidates) {
    const pos = parseA1(named.ref!.split(":")[0]);
    const sheet = getSheet(model, named.sheet!);
    if (pos && sheet)
      return { def, sheet: sheet.name, row: pos.row, col: pos.col, foundBy: "name" };
  }
  return null;
}

/**
 * Names that point at the form come first (the value is "on 项目信息"), the workbook's own
 * before a sheet's; then names pointing elsewhere (an old copy of the form, 项目信息（旧）).
 */
function rank(n: { sheet: string | null; scope?: string }, info: string | undefined): number {
  const onForm = n.sheet === info ? 0 : 4;
  const scope = n.scope === undefined ? 0 : n.scope === info ? 1 : 2;
  return onForm + scope;
}

function isAnyLabel(text: string): boolean {
  return NAMES.some((n) => matchKind(text, n) !== null);
}

function findLabel(sheet: SheetModel, def: NameDef): LocatedName | null {
  const width = Math.min(
    LABEL_COLUMNS,
    sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0)
  );
  for (let c = 0; c < width; c += 1) {
    for (let r = 0; r < sheet.rows.length; r += 1) {
      const cells = sheet.rows[r];
      const text = cellText(cells?.[c]?.v);
      if (!text) continue;
      if (matchKind(text, def)) {
        return { def, sheet: sheet.name, row: r, col: valueColumn(cells!, c), foundBy: "label" };
      }
      const inline = splitInline(text);
      if (inline && matchKind(inline.label, def))
        return { def, sheet: sheet.name, row: r, col: c, foundBy: "label", inline: inline.value };
    }
  }
  return null;
}

/** The first filled cell right of a label, short of the next label; else the cell beside it. */
function valueColumn(cells: (CellModel | undefined)[], labelCol: number): number {
  for (let c = labelCol + 1; c <= labelCol + VALUE_REACH && c < cells.length; c += 1) {
    const text = cellText(cells[c]?.v);
    if (!text) continue;
    return isAnyLabel(text) ? labelCol + 1 : c;
  }
  return labelCol + 1;
}

/** "项目名称：XX项目" -> label and value; null when the cell holds no colon or nothing after it. */
function splitInline(text: string): { label: string; value: string } | null {
  const m = /^([^:：]{1,20})[:：]\s*(.+)$/.exec(text);
  if (!m) return null;
  return { label: m[1], value: m[2].trim() };
}
