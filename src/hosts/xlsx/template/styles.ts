/** The template's look: one place for fills, fonts and borders. */
import type ExcelJS from "exceljs";

export const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
export const INPUT_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFFF9E5" },
};
export const FORMULA_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFEDEDED" },
};
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, name: "Microsoft YaHei", size: 10 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, name: "Microsoft YaHei", size: 14 };
export const NOTE_FONT: Partial<ExcelJS.Font> = {
  italic: true,
  color: { argb: "FF595959" },
  size: 9,
};
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
export const thinBorder: Partial<ExcelJS.Borders> = {
  top: thin,
  left: thin,
  bottom: thin,
  right: thin,
};
