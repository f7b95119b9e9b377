/**
 * Office.js range data -> the engine's cells, the same shape the xlsx host produces: numbers
 * stay numbers (dates are serials already), errors become {error}, empty cells are left out,
 * formulas lose their '=', and the "General" number format is omitted.
 */
import type { CellModel, CellScalar } from "../../engine/model";
import type { RangePos } from "../../engine/util/address";
import { isDateFormat } from "../xlsx/numfmt";
import { utf8Length } from "./payload";

import { DAYS_1900_TO_1904 } from "../../engine/util/dates";
export { DAYS_1900_TO_1904 };

/** What one load of a range returns (values, formulas, numberFormat, valueTypes). */
export interface RangeData {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

export const RANGE_DATA_PROPS = "values,formulas,numberFormat,valueTypes";

export type Grid = (CellModel | undefined)[][];

/**
 * One cell. In a 1904 workbook a number shown as a date moves to the 1900 system, exactly as
 * the xlsx reader does (src/hosts/xlsx/sheet.ts: a number whose format isDateFormat gets
 * + 1462), so Excel and the file reader hand the engine the same serials.
 */
export function toCell(
  value: unknown,
  formula: unknown,
  format: unknown,
  type: string,
  date1904 = false
): CellModel | undefined {
  let v: CellScalar;
  if (type === "Error") v = { error: String(value) };
  else if (type === "Empty" || value === "" || value === null || value === undefined) v = null;
  else if (typeof value === "number")
    v =
      date1904 && typeof format === "string" && isDateFormat(format)
        ? value + DAYS_1900_TO_1904
        : value;
  else if (typeof value === "boolean" || typeof value === "string") v = value;
  else v = String(value);
  // A text constant typed as "'=x" can come back from `formulas` as "=x" too: only a formula
  // text that differs from the value is a formula.
  const f =
    typeof formula === "string" && formula.startsWith("=") && formula !== value
      ? formula.slice(1)
      : undefined;
  if (v === null && f === undefined) return undefined;
  const cell: CellModel = { v };
  if (f !== undefined) cell.f = f;
  if (typeof format === "string" && format !== "" && format !== "General") cell.fmt = format;
  return cell;
}

/** Put a loaded block into a sheet's rows at its place (rows[r][c], zero-based, sparse). */
export function putRange(rows: Grid, at: RangePos, data: RangeData, date1904 = false): number {
  let count = 0;
  const height = at.end.row - at.start.row + 1;
  const width = at.end.col - at.start.col + 1;
  for (let i = 0; i < height; i += 1) {
    const values = data.values[i] ?? [];
    const formulas = data.formulas[i] ?? [];
    const formats = data.numberFormat[i] ?? [];
    const types = data.valueTypes[i] ?? [];
    for (let j = 0; j < width; j += 1) {
      const cell = toCell(values[j], formulas[j], formats[j], types[j] ?? "", date1904);
      if (!cell) continue;
      (rows[at.start.row + i] ??= [])[at.start.col + j] = cell;
      count += 1;
    }
  }
  return count;
}

/** Bytes each row of a loaded block took in the response (its JSON, UTF-8). */
export function rowBytes(data: RangeData): number[] {
  return data.values.map((_, i) =>
    utf8Length(
      JSON.stringify([
        data.values[i] ?? [],
        data.formulas[i] ?? [],
        data.numberFormat[i] ?? [],
        data.valueTypes[i] ?? [],
      ])
    )
  );
}

/**
 * Sheets, tables and defined names that formulas on a sheet refer to, so the recalculation of
 * those formulas (WB-FORMULA) finds the cells they read even on sheets the contract does not name.
 */
export function formulaReferences(rows: Grid): {
  sheets: Set<string>;
  identifiers: Set<string>;
} {
  const sheets = new Set<string>();
  const identifiers = new Set<string>();
  for (const row of rows) {
    if (!row) continue;
    for (const cell of row) {
      if (!cell?.f) continue;
      const text = cell.f.replace(/"(?:[^"]|"")*"/g, '""');
      for (const m of text.matchAll(/(?:'((?:[^']|'')+)'|([^\s'!(),;:=+\-*/&^<>"{}[\]]+))!/g))
        sheets.add(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
      for (const m of text.matchAll(/[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]*/g))
        identifiers.add(m[0].toLowerCase());
    }
  }
  return { sheets, identifiers };
}
