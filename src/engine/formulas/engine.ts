/**
 * The HyperFormula engine: loaded on first use, configured for Excel's semantics, and kept.
 * Building an engine rebuilds its formula grammar and function registry (about 10–20 ms);
 * a summary of 200 workbooks paid that 200 times. Small inputs therefore go to one engine
 * kept for the process, whose sheets are replaced in a batch; large ones (a ledger of tens
 * of thousands of rows) get a fresh engine, because HyperFormula's bulk build is many times
 * faster than replacing that many cells one by one.
 */
import type {
  HyperFormula as HyperFormulaType,
  DetailedCellError as DetailedCellErrorType,
  ConfigParams,
} from "hyperformula";

/** HyperFormula is loaded on first use: a workbook without formulas never pays for it. */
let hfModule: {
  HyperFormula: typeof HyperFormulaType;
  DetailedCellError: typeof DetailedCellErrorType;
} | null = null;
export function hyperformula() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hfModule ??= require("hyperformula") as typeof hfModule;
  return hfModule!;
}

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

/** Text HyperFormula's date parser can accept starts, after blanks, with one of these. */
const DATE_START = /^\s*[0-9/.:-]/;

function config(): Partial<ConfigParams> {
  const parseDefault = hyperformula().HyperFormula.defaultConfig.parseDateTime;
  return {
    licenseKey: "gpl-v3",
    // Nothing is ever undone; the kept engine would otherwise stack every workbook it held.
    undoLimit: 0,
    // Excel's grid: a reference to row 100,000 of a small sheet is an empty cell, not an error.
    maxRows: 1_048_576,
    maxColumns: 18_278,
    // Excel semantics: the 1900 date system with its leap-year bug, which counts from
    // 1899-12-31 (serial 1 = 1900-01-01, 60 = the 29 February 1900 that never was, 45352 =
    // 2024-03-01); criteria compare text without case but with accents (SUMIFS "é" does not
    // match "e"); raw IEEE results, which the comparison with cached values (sameValue) allows for.
    leapYear1900: true,
    nullDate: { year: 1899, month: 12, day: 31 },
    caseSensitive: false,
    accentSensitive: true,
    smartRounding: false,
    // HyperFormula's own parser, asked only about text that could be a date or time: its
    // quick check passes nothing whose first non-blank character is not a digit or one of
    // "/.-:". SUMIFS over a ledger otherwise lower-cases every category word to find out.
    parseDateTime: (text, dateFormat, timeFormat) =>
      DATE_START.test(text) ? parseDefault(text, dateFormat, timeFormat) : undefined,
    ...HF_SEPARATORS,
  };
}

/** Up to this many loaded cells, the kept engine is used (measured: 3–6 ms against 11–18 ms). */
export const KEPT_ENGINE_MAX_CELLS = 20_000;

let kept: HyperFormulaType | null = null;

/**
 * Run `read` on an engine holding exactly `sheets` (name → rows of HyperFormula content).
 * The kept engine is dropped if anything goes wrong with it, never reused half-loaded.
 */
export function withEngine<T>(
  sheets: Record<string, unknown[][]>,
  cells: number,
  read: (hf: HyperFormulaType) => T
): T {
  const { HyperFormula } = hyperformula();
  if (cells > KEPT_ENGINE_MAX_CELLS) {
    const hf = HyperFormula.buildFromSheets(sheets as never, config());
    try {
      return read(hf);
    } finally {
      hf.destroy();
    }
  }
  try {
    kept ??= HyperFormula.buildEmpty(config());
    const hf = kept;
    hf.batch(() => {
      for (const name of hf.getSheetNames()) hf.removeSheet(hf.getSheetId(name)!);
      for (const name of Object.keys(sheets)) hf.addSheet(name);
      for (const name of Object.keys(sheets))
        hf.setSheetContent(hf.getSheetId(name)!, sheets[name] as never);
    });
    return read(hf);
  } catch (e) {
    kept?.destroy();
    kept = null;
    throw e;
  }
}
