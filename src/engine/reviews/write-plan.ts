/**
 * Where a review row goes (review-cycle.md section 2), host-free: the writers (the Excel
 * add-in, the standalone page's copy, the worker's model) all plan with the engine's own
 * locator, so they find the row the check applies and never add a second one for a
 * fingerprint. Rows are only updated or appended; nothing is ever deleted.
 */
import type { Text } from "../i18n";
import type { CellModel, TableModel, WorkbookModel } from "../model";
import { REVIEWS, REVIEWS_SHEET } from "../contract/reviews-table";
import { findSheet, locateTable } from "../read/locate";
import { cellText } from "../util/text";
import { a1 } from "../util/address";
import { DAYS_1900_TO_1904 } from "../util/dates";
import type { ReviewField } from "./model";
import { REVIEW_COLUMNS, type ReviewValues } from "./rows";

export interface ReviewCell {
  col: number;
  field: ReviewField;
  /** Text, or 处理日期 as an Excel date serial (1900 system); null clears the cell. */
  value: string | number | null;
}

/** What a host writes into the cell: text, or the date as a serial of the workbook's date system. */
export function reviewCellValue(c: ReviewCell, date1904: boolean): string | number {
  if (c.value === null) return "";
  if (c.field === "decidedOn" && typeof c.value === "number")
    return date1904 ? c.value - DAYS_1900_TO_1904 : c.value;
  return String(c.value);
}

export type ReviewWrite =
  /** No 审核意见 sheet: made in the template's layout, header in row 0, this row in row 1. */
  | { kind: "create"; sheet: string; row: number; cells: ReviewCell[] }
  /**
   * The row holding the fingerprint (update) or the first free row below the data (append).
   * `grow`: the row lies below the table object `table`, which must take it in.
   */
  | {
      kind: "update" | "append";
      sheet: string;
      row: number;
      cells: ReviewCell[];
      table: string | null;
      grow: boolean;
    }
  /** The sheet is there but its header row (or its 指纹 column) cannot be found. */
  | { kind: "no-header"; sheet: string };

/** Why a row cannot be written into a 审核意见 sheet whose header is not found. */
export function reviewHeaderMissing(sheet: string): Text {
  return {
    zh: `工作表「${sheet}」中找不到审核意见的表头（规则、位置、指纹等），无法写入。请按标准模板恢复表头，或把该工作表改名后重试。`,
    en: `Sheet "${sheet}" has no recognisable header for reviews (规则, 位置, 指纹 …), so the row cannot be written. Restore the template's header, or rename that sheet and try again.`,
  };
}

/** Why nothing was written: the 审核意见 sheet is protected (every writer checks first). */
export function reviewSheetProtected(sheet: string): Text {
  return {
    zh: `工作表「${sheet}」受保护，不能写入审核意见。请先撤销工作表保护（审阅 > 撤销工作表保护）后再保存。`,
    en: `Sheet "${sheet}" is protected, so the review cannot be written. Unprotect it (Review > Unprotect Sheet), then save again.`,
  };
}

/** Why nothing was written: 审核意见 must be made and the workbook's structure is protected. */
export const REVIEW_STRUCTURE_PROTECTED: Text = {
  zh: `工作簿的结构受保护，不能新增「${REVIEWS_SHEET}」工作表。请先撤销保护（审阅 > 保护工作簿）后再保存。`,
  en: `The workbook's structure is protected, so the ${REVIEWS_SHEET} sheet cannot be added. Unprotect it (Review > Protect Workbook), then save again.`,
};

function cellsAt(values: ReviewValues, columns: Partial<Record<string, number>>): ReviewCell[] {
  return REVIEW_COLUMNS.flatMap(({ field }) => {
    const col = columns[field];
    return col === undefined ? [] : [{ col, field, value: values[field] }];
  });
}

/** Plan writing `values` (reviewValues) into a workbook read as `model`. */
export function planReviewWrite(model: WorkbookModel, values: ReviewValues): ReviewWrite {
  const loc = locateTable(model, REVIEWS);
  if (loc === "no-sheet") {
    const template = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c.field, i]));
    return { kind: "create", sheet: REVIEWS_SHEET, row: 1, cells: cellsAt(values, template) };
  }
  if (loc === "no-header" || loc.columns.fingerprint === undefined)
    return {
      kind: "no-header",
      sheet:
        loc === "no-header"
          ? (findSheet(model, REVIEWS_SHEET)?.name ?? REVIEWS_SHEET)
          : loc.sheet.name,
    };
  const fpCol = loc.columns.fingerprint;
  const wanted = (values.fingerprint ?? "").trim().toLowerCase();
  let found = -1;
  let lastUsed = loc.firstDataRow - 1;
  for (let r = loc.firstDataRow; r <= loc.lastDataRow; r += 1) {
    const cells = loc.sheet.rows[r];
    if (!cells) continue;
    if (cellText(cells[fpCol]?.v).trim().toLowerCase() === wanted) found = r;
    for (let c = loc.span.first; c <= Math.min(loc.span.last, cells.length - 1); c += 1)
      if (cellText(cells[c]?.v)) {
        lastUsed = r;
        break;
      }
  }
  const table = loc.foundBy === "table" ? REVIEWS.name : null;
  const row = found >= 0 ? found : lastUsed + 1;
  return {
    kind: found >= 0 ? "update" : "append",
    sheet: loc.sheet.name,
    row,
    cells: cellsAt(values, loc.columns),
    table,
    grow: table !== null && row > loc.lastDataRow,
  };
}

function cellModel(cell: ReviewCell): CellModel | undefined {
  if (cell.value === null) return undefined;
  if (cell.field === "decidedOn" && typeof cell.value === "number")
    return { v: cell.value, fmt: "yyyy-mm-dd" };
  return { v: String(cell.value), fmt: "@" };
}

/** The model with the write done (the rest shared, not copied): what a re-check reads. */
export function applyReviewWrite(model: WorkbookModel, write: ReviewWrite): WorkbookModel {
  if (write.kind === "no-header") return model;
  const put = (rows: (CellModel | undefined)[][]) => {
    const line = [...(rows[write.row] ?? [])];
    for (const c of write.cells) line[c.col] = cellModel(c);
    rows[write.row] = line;
  };
  if (write.kind === "create") {
    const header = REVIEW_COLUMNS.map((c) => ({ v: c.header }) as CellModel);
    const rows: (CellModel | undefined)[][] = [header];
    put(rows);
    const last = a1(write.row, REVIEW_COLUMNS.length - 1);
    const table: TableModel = {
      name: REVIEWS.name,
      sheet: write.sheet,
      ref: `A1:${last}`,
      headerRowCount: 1,
      totalsRowCount: 0,
      columns: REVIEW_COLUMNS.map((c) => c.header),
    };
    return {
      ...model,
      sheets: [...model.sheets, { name: write.sheet, rows }],
      tables: [...model.tables, table],
    };
  }
  const sheets = model.sheets.map((s) => {
    if (s.name !== write.sheet) return s;
    const rows = [...s.rows];
    put(rows);
    return { ...s, rows };
  });
  const tables = model.tables.map((t) => {
    if (!write.grow || t.name !== write.table) return t;
    return { ...t, ref: t.ref.replace(/\d+$/, String(write.row + 1)) };
  });
  return { ...model, sheets, tables };
}
