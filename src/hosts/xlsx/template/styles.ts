/** The look of the workbooks we write (template, samples, summary): fills, fonts, borders, bars. */
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
/**
 * Headers: dark text on a real cell fill, so they print in every program. (Excel's table
 * styles draw their header colour only in Excel; a cell's own fill and font colour win there.)
 */
export const HEADER_FONT: Partial<ExcelJS.Font> = {
  bold: true,
  name: "Microsoft YaHei",
  size: 10,
  color: { argb: "FF1F1F1F" },
};
export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, name: "Microsoft YaHei", size: 14 };
export const NOTE_FONT: Partial<ExcelJS.Font> = {
  name: "Calibri",
  family: 2,
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

/**
 * A font for cells of the summary and the annotated copy, named in full: a font with no name
 * prints in LibreOffice's serif default, wider than the Calibri the columns are sized for.
 */
export function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: "Calibri", family: 2, size: 11, ...extra };
}

export function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** Superseded submissions: grey text on grey, no status colours. */
export const GREYED_FONT: Partial<ExcelJS.Font> = font({ color: { argb: "FF595959" } });
export const GREYED_FILL = "FFF2F2F2";

/** The colour of data bars: light enough for black figures on top to read in print. */
const BAR = "FF9DC3E6";

/**
 * A data bar over `ref` (one range or several, space-separated) from 0 to `max`: the bar is
 * the figure's share of `max` (a cap, a floor or 100 %), full at or above it. Solid, so it
 * prints as drawn.
 */
export function dataBar(ws: ExcelJS.Worksheet, ref: string, max: number): void {
  if (!ref) return;
  // No priority: ExcelJS numbers the rules of a sheet one after another, as Excel does.
  const rule = {
    type: "dataBar",
    gradient: false,
    border: false,
    minLength: 0,
    maxLength: 100,
    cfvo: [
      { type: "num", value: 0 },
      { type: "num", value: max },
    ],
    // ExcelJS writes the colour; its typings leave it out.
    color: { argb: BAR },
  } as unknown as ExcelJS.DataBarRuleType;
  ws.addConditionalFormatting({ ref, rules: [rule] });
}
