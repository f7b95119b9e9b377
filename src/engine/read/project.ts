/**
 * From the host-free model to typed project data: every contract table and named value read
 * with the contract's tolerance, plus the WB-STRUCTURE and WB-VALUE findings that reading gives.
 */
import type { CellModel, CellScalar, WorkbookModel } from "../model";
import type { Finding } from "../findings";
import type { FieldDef, NameDef, NameKey, TableName } from "../contract/tables";
import { INFO_SHEET, NAMES, REVIEWS, TABLES } from "../contract/tables";
import { enumDef } from "../contract/enums";
import type { RuleSet } from "../rulesets/ruleset";
import { a1, rangeA1 } from "../util/address";
import type { Coerced } from "./coerce";
import { readCode, readDate, readEnum, readMonth, readNumber, readText } from "./coerce";
import type { LocatedName, LocatedTable } from "./locate";
import { findSheet, locateName, locateTable } from "./locate";
import { headerKey } from "./headers";
import { nonDataRow, type RowKind } from "./rows";
import { ValueFindings, type Field } from "./value-findings";
import { structureFindings } from "./structure-findings";

export { COERCION_WARNINGS_PER_COLUMN } from "./value-findings";

export type Value = string | number | null;

export interface Row {
  /** Zero-based sheet row. */
  row: number;
  v: Record<string, Value>;
  /** Fields whose cell held something that could not be read. */
  unreadable?: Set<string>;
}

/** A row inside a table that is not data: a typed totals row or a repeated header row. */
export interface SkippedRow {
  row: number;
  kind: RowKind;
  /** The label that gave it away ("合计"), or the repeated header text. */
  label: string;
}

export interface TableData {
  loc: LocatedTable;
  rows: Row[];
  skipped: SkippedRow[];
}

export interface NamedValue {
  loc: LocatedName;
  value: Value;
  unreadable: boolean;
  raw: CellScalar;
}

export interface ProjectData {
  model: WorkbookModel;
  tables: Partial<Record<TableName, TableData>>;
  names: Partial<Record<NameKey, NamedValue>>;
  /** 'Ledger', 'Ledger.amount' or 'name:AsOfDate' for everything that could not be found. */
  missing: Set<string>;
  findings: Finding[];
  /** The optional 审核意见 table (not project data); absent when the workbook has none or reviews are off. */
  reviews?: TableData;
}

export interface ReadOptions {
  /** false: read as if 审核意见 were absent (--no-reviews). */
  reviews?: boolean;
}

interface Unit {
  gloss: string;
  scale: number;
}

function readAs(field: Field, raw: CellScalar, ruleset: RuleSet): Coerced<string | number> {
  switch (field.type) {
    case "number":
      return readNumber(raw);
    case "date":
      return readDate(raw);
    case "month":
      return readMonth(raw);
    case "enum":
      return readEnum(raw, enumDef(field.enumKey!, ruleset));
    default: {
      const words = fieldWords(field);
      return field.code ? readCode(raw, words) : readText(raw, words);
    }
  }
}

const wordsCache = new WeakMap<Field, string[]>();
/** The field's own names, for placeholders such as 无兼任. */
function fieldWords(field: Field): string[] {
  let words = wordsCache.get(field);
  if (!words) {
    words = ["header" in field ? field.header : field.label, ...(field.aliases ?? [])];
    wordsCache.set(field, words);
  }
  return words;
}

/** What a typed totals row may name as totalled: the table's headers and categories. */
function tableWords(loc: LocatedTable, ruleset: RuleSet): string[] {
  const words: string[] = [];
  for (const f of loc.def.fields) {
    words.push(f.header, ...(f.aliases ?? []));
    if (f.enumKey) {
      const e = enumDef(f.enumKey, ruleset);
      words.push(...e.values, ...Object.keys(e.synonyms));
    }
  }
  return words.filter((w) => w.length >= 2);
}

/** Apply a header's unit ("（万元）") to a number read below it. */
function scaled(result: Coerced<string | number>, unit: Unit | undefined) {
  if (!unit || result.kind !== "ok" || typeof result.value !== "number") return result;
  return { ...result, value: Math.round(result.value * unit.scale * 100) / 100 };
}

function unitOf(text: string, field: Field): Unit | undefined {
  if (field.type !== "number") return undefined;
  const { scale } = headerKey(text);
  if (scale === 1) return undefined;
  const gloss = /万元|千元/.exec(text.normalize("NFKC"))?.[0] ?? "";
  return { gloss, scale };
}

function readTable(loc: LocatedTable, values: ValueFindings, ruleset: RuleSet): TableData {
  const rows: Row[] = [];
  const skipped: SkippedRow[] = [];
  const fields = loc.def.fields.filter((f) => loc.columns[f.key] !== undefined && !f.formula);
  const formulaFields = loc.def.fields.filter((f) => loc.columns[f.key] !== undefined && f.formula);
  const units = fields.map((f) =>
    loc.scales[f.key] ? unitOf(loc.headers[loc.columns[f.key]], f) : undefined
  );
  const keyIndexes = loc.def.rowKeys
    .map((k) => fields.findIndex((f) => f.key === k))
    .filter((i) => i >= 0);
  const sheetName = loc.sheet.name;
  const byKey = new Map(fields.map((f, i) => [f.key, i] as const));
  const words = tableWords(loc, ruleset);
  for (let r = loc.firstDataRow; r <= loc.lastDataRow && r < loc.sheet.rows.length; r += 1) {
    const cells = loc.sheet.rows[r];
    if (!cells) continue;
    const raws = fields.map((f) => cells[loc.columns[f.key]]?.v ?? null);
    if (raws.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const results = fields.map((f, i) => scaled(readAs(f, raws[i], ruleset), units[i]));
    // A row whose category or date is not valid may be a typed totals row or repeated headers.
    if (!keyIndexes.length || keyIndexes.some((i) => results[i].kind !== "ok")) {
      const other = nonDataRow(cells, loc.span, loc.headers, loc.columns, words);
      if (other) {
        const label = String(cells[other.col]?.v ?? "").trim();
        skipped.push({ row: r, kind: other.kind, label });
        const span = rangeA1({
          start: { row: r, col: loc.span.first },
          end: { row: r, col: loc.span.last },
        });
        values.notData(sheetName, span, r, other.kind, label);
        continue;
      }
    }
    const row: Row = { row: r, v: {} };
    fields.forEach((field, i) => {
      const col = loc.columns[field.key];
      const raw = raws[i];
      const result = results[i];
      if (result.kind === "ok") {
        row.v[field.key] = result.value;
        // The cell's address only for what is reported: a ledger has hundreds of thousands of cells.
        if (result.coerced || units[i])
          values.coerced(sheetName, a1(r, col), field, raw, result, units[i]);
        return;
      }
      const cell = a1(r, col);
      row.v[field.key] = null;
      if (result.kind === "bad") {
        (row.unreadable ??= new Set()).add(field.key);
        if (!field.ownRule) values.bad(sheetName, cell, field, raw);
        return;
      }
      if (field.ownRule) return;
      if (!field.optional) {
        values.empty(sheetName, cell, field, result.placeholder);
        return;
      }
      const because = field.requiredWith ? byKey.get(field.requiredWith) : undefined;
      if (because !== undefined && results[because].kind === "ok")
        values.empty(sheetName, cell, field, result.placeholder, fields[because]);
    });
    // Formula columns are read as plain numbers; WB-FORMULA looks at them separately.
    for (const field of formulaFields) {
      const v = cells[loc.columns[field.key]]?.v;
      row.v[field.key] = typeof v === "number" ? v : null;
    }
    rows.push(row);
  }
  return { loc, rows, skipped };
}

function readName(
  model: WorkbookModel,
  def: NameDef,
  loc: LocatedName,
  values: ValueFindings,
  ruleset: RuleSet
): NamedValue {
  const cellAddr = a1(loc.row, loc.col);
  const sheet = model.sheets.find((s) => s.name === loc.sheet)!;
  const cells: (CellModel | undefined)[] = sheet.rows[loc.row] ?? [];
  const raw: CellScalar = loc.inline ?? cells[loc.col]?.v ?? null;
  // A label such as "合同金额（万元）" gives the unit of the value beside it.
  const labelText = loc.foundBy === "label" ? labelOf(cells, loc) : "";
  const unit = labelText ? unitOf(labelText, def) : undefined;
  const result = scaled(readAs(def, raw, ruleset), unit);
  if (result.kind === "ok") values.coerced(loc.sheet, cellAddr, def, raw, result, unit);
  else if (result.kind === "bad" && !def.ownRule) values.bad(loc.sheet, cellAddr, def, raw);
  else if (result.kind === "blank" && !def.ownRule)
    values.empty(loc.sheet, cellAddr, def, result.placeholder);
  return {
    loc,
    value: result.kind === "ok" ? result.value : null,
    unreadable: result.kind === "bad",
    raw: result.kind === "blank" && result.placeholder ? null : raw,
  };
}

/** The label text of a value found by its label: the nearest filled cell to its left. */
function labelOf(cells: (CellModel | undefined)[], loc: LocatedName): string {
  if (loc.inline !== undefined) return String(cells[loc.col]?.v ?? "").split(/[:：]/)[0];
  for (let c = loc.col - 1; c >= 0; c -= 1) {
    const v = cells[c]?.v;
    if (typeof v === "string" && v.trim()) return v;
  }
  return "";
}

export function readProject(
  model: WorkbookModel,
  ruleset: RuleSet,
  options: ReadOptions = {}
): ProjectData {
  const findings: Finding[] = [];
  const values = new ValueFindings(findings, ruleset);
  const structure = structureFindings(findings);
  const missing = new Set<string>();
  const tables: ProjectData["tables"] = {};
  const names: ProjectData["names"] = {};

  const located = NAMES.map((def) => [def, locateName(model, def)] as const);
  if (located.every(([, loc]) => !loc) && !findSheet(model, INFO_SHEET)) {
    // The whole form is gone: one finding, not one per value.
    for (const def of NAMES) missing.add(`name:${def.name}`);
    structure.noInfoSheet();
  }
  const byLabel: LocatedName[] = [];
  for (const [def, loc] of located) {
    if (!loc) {
      if (missing.has(`name:${def.name}`)) continue;
      missing.add(`name:${def.name}`);
      structure.noName(def);
      continue;
    }
    if (loc.foundBy === "label") byLabel.push(loc);
    names[def.name] = readName(model, def, loc, values, ruleset);
  }
  structure.namesByLabel(byLabel);

  for (const def of TABLES) {
    const loc = locateTable(model, def);
    if (loc === "no-sheet" || loc === "no-header") {
      missing.add(def.name);
      for (const field of def.fields) missing.add(`${def.name}.${field.key}`);
      structure.noTable(def, loc);
      continue;
    }
    if (loc.foundBy === "header") structure.tableByHeader(loc);
    for (const field of loc.missing) missing.add(`${def.name}.${field.key}`);
    structure.columns(loc);
    tables[def.name] = readTable(loc, values, ruleset);
  }
  const reviews =
    options.reviews === false ? undefined : readReviews(model, values, structure, ruleset);
  values.flush();
  return { model, tables, names, missing, findings, ...(reviews ? { reviews } : {}) };
}

/**
 * One contract table read alone, as readProject reads it (its findings dropped): for a step
 * that needs to know early where something is, e.g. the budget's formula cells.
 */
export function readOneTable(
  model: WorkbookModel,
  name: TableName,
  ruleset: RuleSet
): TableData | null {
  const def = TABLES.find((t) => t.name === name);
  const loc = def ? locateTable(model, def) : "no-sheet";
  if (loc === "no-sheet" || loc === "no-header") return null;
  return readTable(loc, new ValueFindings([], ruleset), ruleset);
}

/** 审核意见 with the same tolerance as every table; a workbook without it is normal. */
function readReviews(
  model: WorkbookModel,
  values: ValueFindings,
  structure: ReturnType<typeof structureFindings>,
  ruleset: RuleSet
): TableData | undefined {
  const loc = locateTable(model, REVIEWS);
  if (loc === "no-sheet") return undefined;
  if (loc === "no-header") {
    structure.noReviewHeader(REVIEWS);
    return undefined;
  }
  if (loc.foundBy === "header") structure.tableByHeader(loc);
  structure.columns(loc);
  return readTable(loc, values, ruleset);
}

/** A1 address of a field in a row of a table. */
export function cellOf(table: TableData, row: Row | number, key: string): string {
  const r = typeof row === "number" ? row : row.row;
  const col = table.loc.columns[key];
  return col === undefined ? a1(r, 0) : a1(r, col);
}

export function nameCell(named: NamedValue): string {
  return a1(named.loc.row, named.loc.col);
}

export type { FieldDef };
