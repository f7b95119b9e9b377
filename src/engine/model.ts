/**
 * The host-free workbook model. Every host adapter (xlsx files, Excel via Office.js)
 * produces this shape; the engine reads nothing else.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface ErrorValue {
  error: string;
}

/** A cell's value as a spreadsheet stores it. Dates are Excel serial numbers (1900 system). */
export type CellScalar = number | string | boolean | ErrorValue | null;

export interface CellModel {
  /** Value, or the cached result of the formula. */
  v: CellScalar;
  /** Formula text in the file's (Excel's) syntax, without the leading '='. */
  f?: string;
  /** Number format code, e.g. 'yyyy-mm-dd' or '#,##0.00'. */
  fmt?: string;
}

export interface SheetModel {
  name: string;
  /** rows[r][c], zero-based; missing rows and cells are undefined. */
  rows: (CellModel | undefined)[][];
}

export interface TableModel {
  name: string;
  sheet: string;
  /** Whole table range including header and totals rows, e.g. 'A1:G120'. */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  /** Column names in order, as the table object stores them. */
  columns: string[];
}

export interface DefinedNameModel {
  name: string;
  /** Target sheet, or null when the name does not point at one cell range. */
  sheet: string | null;
  /** Target range on that sheet without '$', e.g. 'B3'. */
  ref: string | null;
  /** Raw definition as stored, e.g. '项目信息!$B$3'. */
  formula: string;
  /** The sheet a sheet-scoped (local) name belongs to; absent for a workbook-scoped name. */
  scope?: string;
}

export interface WorkbookModel {
  /** Where the workbook came from (file name or 'Excel'), for messages. */
  source: string;
  sheets: SheetModel[];
  tables: TableModel[];
  names: DefinedNameModel[];
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string";
}

export function getSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  return model.sheets.find((s) => s.name === name);
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.rows[row]?.[col];
}

/** A defined name's target, as both hosts read it: one range on one sheet, or nothing. */
export function parseDefinedName(name: string, formula: string): DefinedNameModel {
  const text = String(formula ?? "")
    .trim()
    .replace(/^=/, "");
  const m =
    /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
      text
    );
  if (m) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    return { name, sheet, ref: m[3].replace(/\$/g, ""), formula: text };
  }
  return { name, sheet: null, ref: null, formula: text };
}
