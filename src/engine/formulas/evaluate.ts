/**
 * Recalculating a workbook's own formulas with HyperFormula. Only the formulas asked for,
 * and the cells they reach (transitively), are loaded: a budget sheet's SUMIFS over the
 * ledger brings in the two ledger columns it names, not the whole workbook.
 */
import type {
  HyperFormula as HyperFormulaType,
  DetailedCellError as DetailedCellErrorType,
} from "hyperformula";

/** HyperFormula is loaded on first use: a workbook without formulas never pays for it. */
let hfModule: {
  HyperFormula: typeof HyperFormulaType;
  DetailedCellError: typeof DetailedCellErrorType;
} | null = null;
function hyperformula() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hfModule ??= require("hyperformula") as typeof hfModule;
  return hfModule!;
}
import type { CellModel, CellScalar, SheetModel, WorkbookModel } from "../model";
import { isErrorValue } from "../model";
import { columnIndex } from "../util/address";
import { FormulaTranslationError, toHyperFormula } from "./translate";

/**
 * Excel converts text such as "100,000.00" or "¥1,200" to a number in arithmetic (=C2/B2),
 * in the contractor's zh-CN locale, whose currency sign is ¥. HyperFormula does the same
 * once ',' is its thousands separator, which needs other argument and array separators:
 * translate.ts writes formulas with them.
 */
export const HF_SEPARATORS = {
  thousandSeparator: "," as const,
  decimalSeparator: "." as const,
  functionArgSeparator: ";",
  arrayColumnSeparator: ";" as const,
  arrayRowSeparator: "|" as const,
  currencySymbol: ["¥", "￥", "$"],
};

export interface CellKey {
  sheet: string;
  row: number;
  col: number;
}

export type Recalculated = { ok: true; value: CellScalar } | { ok: false; reason: string };

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
 * Recalculate the given formula cells. Cells that are not formulas come back as their value.
 */
export function recalculate(
  model: WorkbookModel,
  targets: readonly CellKey[]
): Map<string, Recalculated> {
  const results = new Map<string, Recalculated>();
  const sheetsByName = new Map(model.sheets.map((s) => [s.name, s] as const));
  // cells to load: sheet -> row -> col -> HF content
  const load = new Map<string, Map<number, Map<number, unknown>>>();
  const failures = new Map<string, string>();
  const visitedRegions = new Set<string>();
  let formulas = 0;

  const put = (sheet: string, row: number, col: number, content: unknown) => {
    let rows = load.get(sheet);
    if (!rows) load.set(sheet, (rows = new Map()));
    let cols = rows.get(row);
    if (!cols) rows.set(row, (cols = new Map()));
    cols.set(col, content);
  };

  const visitCell = (sheet: SheetModel, row: number, col: number) => {
    const existing = load.get(sheet.name)?.get(row)?.has(col);
    if (existing) return;
    const cell = sheet.rows[row]?.[col];
    if (cell?.f) {
      try {
        const hf = toHyperFormula(cell.f, { sheet: sheet.name, row, col }, model.tables);
        put(sheet.name, row, col, `=${hf}`);
        formulas += 1;
        for (const ref of referencedRegions(hf, sheet.name)) visitRegion(ref.sheet, ref.region);
      } catch (e) {
        const reason = e instanceof FormulaTranslationError ? e.message : String(e);
        failures.set(`${sheet.name}!${row}:${col}`, reason);
        put(sheet.name, row, col, toHfValue(cell));
      }
    } else {
      const value = toHfValue(cell);
      if (value !== null) put(sheet.name, row, col, value);
    }
  };

  const visitRegion = (sheetName: string, region: Region) => {
    const key = `${sheetName}|${region.r0}|${region.r1}|${region.c0}|${region.c1}`;
    if (visitedRegions.has(key)) return;
    visitedRegions.add(key);
    const sheet = sheetsByName.get(sheetName);
    if (!sheet) return; // HyperFormula reports #REF! for a missing sheet
    const r1 = Math.min(region.r1, sheet.rows.length - 1);
    for (let r = region.r0; r <= r1; r += 1) {
      const row = sheet.rows[r];
      if (!row) continue;
      const c1 = Math.min(region.c1, row.length - 1);
      for (let c = region.c0; c <= c1; c += 1) if (row[c]) visitCell(sheet, r, c);
    }
  };

  for (const t of targets) {
    const sheet = sheetsByName.get(t.sheet);
    if (sheet) visitCell(sheet, t.row, t.col);
  }
  if (formulas === 0) {
    // No formula among the targets: their values are their own, HyperFormula is not needed.
    for (const t of targets) {
      const failed = failures.get(`${t.sheet}!${t.row}:${t.col}`);
      results.set(
        cellKey(t),
        failed
          ? { ok: false, reason: failed }
          : { ok: true, value: sheetsByName.get(t.sheet)?.rows[t.row]?.[t.col]?.v ?? null }
      );
    }
    return results;
  }

  // Every sheet of the workbook exists in HF (a formula may name an empty one); only loaded cells are filled.
  // No prototype: a sheet called "__proto__" is a sheet like any other.
  const sheets = Object.create(null) as Record<string, unknown[][]>;
  let maxRows = 1;
  for (const s of model.sheets) {
    const rows = load.get(s.name);
    const grid: unknown[][] = [];
    if (rows) {
      for (const [r, cols] of rows) {
        const line: unknown[] = (grid[r] ??= []);
        for (const [c, content] of cols) line[c] = content;
      }
      for (let r = 0; r < grid.length; r += 1) grid[r] ??= [];
    }
    sheets[s.name] = grid;
    maxRows = Math.max(maxRows, grid.length, s.rows.length);
  }
  const hf = hyperformula().HyperFormula.buildFromSheets(sheets as never, {
    licenseKey: "gpl-v3",
    maxRows: Math.max(40_000, maxRows + 1),
    maxColumns: 18_278,
    // Excel semantics: 1900 date system with its leap-year bug; criteria compare text without
    // case but with accents (SUMIFS "é" does not match "e"); raw IEEE results, which the
    // comparison with cached values (sameValue) allows for.
    leapYear1900: true,
    nullDate: { year: 1899, month: 12, day: 30 },
    caseSensitive: false,
    accentSensitive: true,
    smartRounding: false,
    ...HF_SEPARATORS,
  });
  try {
    for (const t of targets) {
      const key = cellKey(t);
      const failed = failures.get(`${t.sheet}!${t.row}:${t.col}`);
      if (failed) {
        results.set(key, { ok: false, reason: failed });
        continue;
      }
      const sheetId = hf.getSheetId(t.sheet);
      if (sheetId === undefined) {
        results.set(key, { ok: false, reason: `no sheet ${t.sheet}` });
        continue;
      }
      results.set(key, {
        ok: true,
        value: fromHfValue(hf.getCellValue({ sheet: sheetId, row: t.row, col: t.col })),
      });
    }
  } finally {
    hf.destroy();
  }
  return results;
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
