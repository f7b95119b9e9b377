/**
 * What Range.Value2 and Range.Formula hand back in WPS 表格, turned into the engine's cells (the
 * same shape the Excel and xlsx hosts produce).
 *
 * What is documented and what is not (so the reader accepts every shape and the fake, in
 * testing/, hands back the one most likely to break a careless reader):
 * - Value2 "doesn't use the Currency and Date data types": dates come back as serial numbers
 *   (Microsoft, https://learn.microsoft.com/office/vba/api/excel.range.value2; Kingsoft's ET
 *   reference copies the Excel object model, and wps-jsapi declares the same member).
 * - A range of more than one cell gives "a 2-dim array" of its cells, rows first
 *   (https://learn.microsoft.com/office/vba/api/excel.range.value); one cell gives the value
 *   itself. Kingsoft documents no JavaScript shape (wps-jsapi says `Value2: number`); we read a
 *   scalar, rows of scalars, or one flat row, and the fake returns a scalar for one cell.
 * - Empty cells: COM's VT_EMPTY; read here as undefined, null or "" alike.
 * - Error cells: COM returns a VT_ERROR whose SCODE is 0x800A0000 + the XlCVError code
 *   (xlErrDiv0 = 2007, wps-jsapi's Et.EtXlCVError; https://learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values).
 *   How WPS's JavaScript bridge passes a VT_ERROR is not documented. Read here: the SCODE as a
 *   (negative) number, the text ("#DIV/0!"), or the bare code (2007); a bare code is a plain
 *   number too (a year, an amount), so such a cell is confirmed by its Text (read.ts).
 */
import type { CellModel, CellScalar } from "../../engine/model";
import { isDateFormat } from "../xlsx/numfmt";

import { DAYS_1900_TO_1904 } from "../../engine/util/dates";
export { DAYS_1900_TO_1904 };

/** XlCVError codes and the text Excel and WPS show for them. */
export const XL_ERRORS: Readonly<Record<number, string>> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
};

/** 0x800A0000 as a signed 32-bit number: the SCODE of xlErrDiv0 is this + 2007 = -2146826281. */
export const SCODE_BASE = -2146828288;

const ERROR_TEXTS = new Set([
  ...Object.values(XL_ERRORS),
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#CONNECT!",
  "#BUSY!",
]);

export function isErrorText(value: unknown): value is string {
  return typeof value === "string" && ERROR_TEXTS.has(value.trim().toUpperCase());
}

/** A VT_ERROR passed as its SCODE: 0x800A07D0 .. 0x800A07FF. */
function scodeError(value: number): string | null {
  const code = value - SCODE_BASE;
  if (!Number.isInteger(code) || code < 2000 || code > 2063) return null;
  return XL_ERRORS[code] ?? `#ERROR(${code})`;
}

/** A number that may be an error passed as its bare XlCVError code. */
export function mayBeBareErrorCode(value: unknown): boolean {
  return typeof value === "number" && XL_ERRORS[value] !== undefined;
}

/** One cell's value as the engine holds it. */
export function toScalar(value: unknown): CellScalar {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") {
    const error = scodeError(value);
    return error ? { error } : value;
  }
  if (typeof value === "string") return isErrorText(value) ? { error: value.trim() } : value;
  if (typeof value === "boolean") return value;
  // Value2 never gives dates (Value would); should a bridge turn a serial into a Date, the
  // serial is taken back from the wall-clock date and time it shows.
  if (value instanceof Date) return serialOf(value);
  return String(value);
}

function serialOf(d: Date): number {
  const utc = Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds()
  );
  return (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export type Rows = unknown[][];

/**
 * Value2 or Formula of a range of `height` x `width` cells as rows. A scalar stands for a
 * one-cell range; a flat array of `width` values for a one-row range.
 */
export function asRows(value: unknown, height: number, width: number): Rows {
  if (!Array.isArray(value)) return height === 1 && width === 1 ? [[value]] : [];
  if (value.length && !Array.isArray(value[0]))
    return height === 1 ? [value] : value.map((v) => [v]);
  return value as Rows;
}

/** The cell at rows[r][c], formula text without its '=' when it is one, the format when known. */
export function toCell(
  value: unknown,
  formula: unknown,
  format: string | undefined,
  date1904: boolean
): CellModel | undefined {
  let v = toScalar(value);
  if (date1904 && typeof v === "number" && format && isDateFormat(format)) v += DAYS_1900_TO_1904;
  // A constant typed as "'=x" also reads "=x" from Formula: only text that differs from the
  // value is a formula (as the Excel host does).
  const f =
    typeof formula === "string" && formula.startsWith("=") && formula !== value
      ? formula.slice(1)
      : undefined;
  if (v === null && f === undefined) return undefined;
  const cell: CellModel = { v };
  if (f !== undefined) cell.f = f;
  if (format && format !== "General" && format !== "G/通用格式") cell.fmt = format;
  return cell;
}

/**
 * Interior.Color and Font.Color are BGR longs: "red + green * 256 + blue * 65536"
 * (https://learn.microsoft.com/office/vba/language/reference/user-interface-help/rgb-function,
 * which Range.Interior.Color takes: https://learn.microsoft.com/office/vba/api/excel.interior.color).
 */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return r + g * 256 + b * 65536;
}

export function hexOf(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}
