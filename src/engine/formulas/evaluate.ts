/**
 * Recalculating a workbook's own formulas with HyperFormula. Only the formulas asked for,
 * and the cells they reach (transitively), are loaded: a budget sheet's SUMIFS over the
 * ledger brings in the two ledger columns it names, not the whole workbook.
 */
import type { CellModel, CellScalar, SheetModel, TableModel, WorkbookModel } from "../model";
import { isErrorValue } from "../model";
import { columnIndex, parseRange, rangeA1 } from "../util/address";
import { FormulaTranslationError, toHyperFormula } from "./translate";
import { hyperformula, withEngine } from "./engine";
import type {
  DetailedCellError as DetailedCellErrorType,
  HyperFormula as HyperFormulaEngine,
} from "hyperformula";
import type { Text } from "../i18n";

export interface CellKey {
  sheet: string;
  row: number;
  col: number;
}

export type Recalculated = { ok: true; value: CellScalar } | { ok: false; reason: Text };

/**
 * Parentheses (or signs in a row) nested deeper than this are not recalculated: Excel allows
 * 64 levels of nested functions, and HyperFormula's parser runs out of stack at about twice
 * that on a browser's or Node's main thread (measured: 125 parentheses, 128 nested SUMs).
 */
const MAX_NESTING = 64;

const TOO_DEEP: Text = {
  zh: "公式嵌套层数过多（括号或正负号连用超过 64 层）",
  en: "the formula nests too deeply (over 64 parentheses or signs in a row)",
};
const TOO_COMPLEX: Text = {
  zh: "公式过于复杂，无法按 Excel 规则重新计算",
  en: "the formula is too complex to recalculate with Excel's rules",
};

/** The deepest run of open parentheses or of signs (+ - before an operand), strings skipped. */
function nesting(formula: string): number {
  let depth = 0;
  let deepest = 0;
  let signs = 0;
  let inString = false;
  for (let i = 0; i < formula.length; i += 1) {
    const c = formula[i];
    if (inString) {
      if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "(") depth += 1;
    else if (c === ")") depth -= 1;
    if (c === "+" || c === "-") signs += 1;
    else if (c !== " " && c !== "(") signs = 0;
    deepest = Math.max(deepest, depth, signs);
  }
  return deepest;
}

/** A region of one sheet that formulas read: rows [r0, r1] x cols [c0, c1]; r1 = Infinity for whole columns. */
interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

const REF_RE =
  /(?:'((?:[^']|'')+)'!|([A-Za-z0-9_]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!])/g;

function stripStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

function parseRefPart(part: string): Region | null {
  const [a, b = a] = part.replace(/\$/g, "").split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const [r0, r1] = [Number(m1[2]) - 1, Number(m2[2]) - 1].sort((x, y) => x - y);
    const [c0, c1] = [columnIndex(m1[1]), columnIndex(m2[1])].sort((x, y) => x - y);
    return { r0, r1, c0, c1 };
  }
  m1 = col.exec(a);
  m2 = col.exec(b);
  if (m1 && m2) {
    const [c0, c1] = [columnIndex(m1[1]), columnIndex(m2[1])].sort((x, y) => x - y);
    return { r0: 0, r1: Infinity, c0, c1 };
  }
  m1 = row.exec(a);
  m2 = row.exec(b);
  if (m1 && m2) {
    const [r0, r1] = [Number(m1[1]) - 1, Number(m2[1]) - 1].sort((x, y) => x - y);
    return { r0, r1, c0: 0, c1: Infinity };
  }
  return null;
}

/** References in an HF-syntax formula, as (sheet, region) pairs. */
export function referencedRegions(
  hfFormula: string,
  ownSheet: string
): { sheet: string; region: Region }[] {
  const found: { sheet: string; region: Region }[] = [];
  const text = stripStrings(hfFormula);
  for (const m of text.matchAll(REF_RE)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? ownSheet);
    const region = parseRefPart(m[3]);
    if (region) found.push({ sheet, region });
  }
  return found;
}

function toHfValue(cell: CellModel | undefined): unknown {
  if (!cell) return null;
  const v = cell.v;
  if (v === null) return null;
  if (typeof v === "string") return v === "" ? null : `'${v}`; // keep text as text
  if (isErrorValue(v)) return v.error;
  return v;
}

function fromHfValue(v: unknown): CellScalar {
  if (v instanceof hyperformula().DetailedCellError)
    return { error: (v as DetailedCellErrorType).value };
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

/**
 * What HyperFormula is to be given for some targets, as plain data: every sheet's loaded
 * cells, and the targets answered without it (bench.ts times HyperFormula on it alone).
 */
export interface PreparedRecalculation {
  targets: CellKey[];
  /** Every sheet of the workbook in order, with its loaded cells (rows of HyperFormula content). */
  sheets: [string, unknown[][]][];
  /** How many cells are loaded. */
  cells: number;
  /** Targets whose formula cannot be translated, with why (by cellKey). */
  failures: Map<string, Text>;
  /** No formula among the targets: their answers; HyperFormula is not needed. */
  answered: Map<string, Recalculated> | null;
}

/** Rows a table may run past its sheet's last filled row before its references are cut there. */
const EMPTY_TABLE_ROWS = 10_000;

/**
 * A table defined over far more rows than its sheet fills (a whole-column table, or a forged
 * A1:XFD1048576) ends at the sheet's last filled row: its structured references then name the
 * rows that hold something, not a million empty ones HyperFormula would build one by one. Only
 * counts of positions or blanks (ROWS, COUNTBLANK) could tell the difference.
 */
function withinUsedRows(table: TableModel, sheet: SheetModel | undefined): TableModel {
  const range = parseRange(table.ref);
  if (!sheet || !range) return table;
  const lastFilled = sheet.rows.length - 1;
  if (range.end.row - lastFilled <= EMPTY_TABLE_ROWS) return table;
  const end = Math.max(range.start.row + table.headerRowCount, lastFilled);
  return { ...table, ref: rangeA1({ start: range.start, end: { row: end, col: range.end.col } }) };
}

/** Gather what HyperFormula needs for `targets`: their formulas and the cells these reach. */
export function prepareRecalculation(
  model: WorkbookModel,
  targets: readonly CellKey[]
): PreparedRecalculation {
  const sheetsByName = new Map(model.sheets.map((s) => [s.name, s] as const));
  const tables = model.tables.map((t) => withinUsedRows(t, sheetsByName.get(t.sheet)));
  // What HyperFormula is given, as it takes it: sheet -> rows -> cells (holes are empty cells).
  const grids = new Map<string, unknown[][]>();
  const failures = new Map<string, Text>();
  const visitedRegions = new Set<string>();
  let formulas = 0;

  const gridOf = (name: string): unknown[][] => {
    let grid = grids.get(name);
    if (!grid) grids.set(name, (grid = []));
    return grid;
  };

  const visitCell = (sheet: SheetModel, grid: unknown[][], row: number, col: number) => {
    const line = grid[row];
    if (line !== undefined && line[col] !== undefined) return;
    const cell = sheet.rows[row]?.[col];
    if (cell?.f) {
      let content: unknown;
      let refs: { sheet: string; region: Region }[] = [];
      try {
        if (nesting(cell.f) > MAX_NESTING) throw new FormulaTranslationError(TOO_DEEP);
        const hf = toHyperFormula(cell.f, { sheet: sheet.name, row, col }, tables);
        content = `=${hf}`;
        formulas += 1;
        refs = referencedRegions(hf, sheet.name);
      } catch (e) {
        const reason = e instanceof FormulaTranslationError ? e.text : TOO_COMPLEX;
        failures.set(cellKey({ sheet: sheet.name, row, col }), reason);
        content = toHfValue(cell);
      }
      (grid[row] ??= [])[col] = content;
      for (const ref of refs) visitRegion(ref.sheet, ref.region);
    } else {
      const value = toHfValue(cell);
      if (value !== null) (grid[row] ??= [])[col] = value;
    }
  };

  const visitRegion = (sheetName: string, region: Region) => {
    const key = `${sheetName}|${region.r0}|${region.r1}|${region.c0}|${region.c1}`;
    if (visitedRegions.has(key)) return;
    visitedRegions.add(key);
    const sheet = sheetsByName.get(sheetName);
    if (!sheet) return; // HyperFormula reports #REF! for a missing sheet
    const grid = gridOf(sheetName);
    const r1 = Math.min(region.r1, sheet.rows.length - 1);
    for (let r = region.r0; r <= r1; r += 1) {
      const row = sheet.rows[r];
      if (!row) continue;
      const c1 = Math.min(region.c1, row.length - 1);
      for (let c = region.c0; c <= c1; c += 1) if (row[c]) visitCell(sheet, grid, r, c);
    }
  };

  for (const t of targets) {
    const sheet = sheetsByName.get(t.sheet);
    if (sheet) visitCell(sheet, gridOf(sheet.name), t.row, t.col);
  }
  const prepared: PreparedRecalculation = {
    targets: targets.map((t) => ({ sheet: t.sheet, row: t.row, col: t.col })),
    sheets: [],
    cells: 0,
    failures,
    answered: null,
  };
  if (formulas === 0) {
    // No formula among the targets: their values are their own, HyperFormula is not needed.
    const answered = new Map<string, Recalculated>();
    for (const t of targets) {
      const failed = failures.get(cellKey(t));
      answered.set(
        cellKey(t),
        failed
          ? { ok: false, reason: failed }
          : { ok: true, value: sheetsByName.get(t.sheet)?.rows[t.row]?.[t.col]?.v ?? null }
      );
    }
    return { ...prepared, answered };
  }
  // Every sheet of the workbook exists in HF (a formula may name an empty one); only loaded cells are filled.
  for (const s of model.sheets) {
    const grid = grids.get(s.name) ?? [];
    for (let r = 0; r < grid.length; r += 1) prepared.cells += (grid[r] ??= []).length;
    prepared.sheets.push([s.name, grid]);
  }
  return prepared;
}

/** Run HyperFormula on prepared input: the targets' recalculated values, by cellKey. */
export function recalculatePrepared(prepared: PreparedRecalculation): Map<string, Recalculated> {
  if (prepared.answered) return prepared.answered;
  const results = new Map<string, Recalculated>();
  // No prototype: a sheet called "__proto__" is a sheet like any other.
  const sheets = Object.create(null) as Record<string, unknown[][]>;
  for (const [name, grid] of prepared.sheets) sheets[name] = grid;
  withEngine(sheets, prepared.cells, (hf) => readTargets(hf, prepared, results));
  return results;
}

function readTargets(
  hf: HyperFormulaEngine,
  prepared: PreparedRecalculation,
  results: Map<string, Recalculated>
): void {
  for (const t of prepared.targets) {
    const key = cellKey(t);
    const failed = prepared.failures.get(key);
    if (failed) {
      results.set(key, { ok: false, reason: failed });
      continue;
    }
    const sheetId = hf.getSheetId(t.sheet);
    if (sheetId === undefined) {
      results.set(key, {
        ok: false,
        reason: { zh: `找不到工作表「${t.sheet}」`, en: `no sheet ${t.sheet}` },
      });
      continue;
    }
    results.set(key, {
      ok: true,
      value: fromHfValue(hf.getCellValue({ sheet: sheetId, row: t.row, col: t.col })),
    });
  }
}

/** Recalculate the given formula cells. Cells that are not formulas come back as their value. */
export function recalculate(
  model: WorkbookModel,
  targets: readonly CellKey[]
): Map<string, Recalculated> {
  try {
    return recalculatePrepared(prepareRecalculation(model, targets));
  } catch (e) {
    // A formula the nesting check lets through can still exhaust HyperFormula's stack (a sum
    // of a thousand terms): each target alone, so that only those that reach it fail.
    if (!(e instanceof RangeError)) throw e;
    if (targets.length === 1)
      return new Map([[cellKey(targets[0]), { ok: false, reason: TOO_COMPLEX }]]);
    const results = new Map<string, Recalculated>();
    for (const t of targets) for (const [k, v] of recalculate(model, [t])) results.set(k, v);
    return results;
  }
}

export function cellKey(k: CellKey): string {
  return `${k.sheet}!${k.row}:${k.col}`;
}

/** Do a cached value and a recalculated one agree, as Excel would display them? */
export function sameValue(cached: CellScalar, recalculated: CellScalar): boolean {
  if (typeof cached === "number" && typeof recalculated === "number") {
    return Math.abs(cached - recalculated) <= Math.max(1e-6, Math.abs(recalculated) * 1e-9);
  }
  if (isErrorValue(cached) && isErrorValue(recalculated))
    return cached.error === recalculated.error;
  if ((cached === null || cached === "") && (recalculated === null || recalculated === ""))
    return true;
  return cached === recalculated;
}
