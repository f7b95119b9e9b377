/**
 * A review row (审核意见, review-cycle.md section 2) written into the open workbook in WPS 表格
 * on the user's action in the pane, with the Excel add-in's behaviour (src/hosts/excel/reviews.ts):
 * the row holding the finding's fingerprint is updated, else one is appended; nothing is ever
 * deleted. The sheet is read again first and the row planned by the engine's own locator
 * (engine/reviews/write-plan.ts), so an edit made since the check is seen. Without the sheet it
 * is made in the template's layout (headers, order, widths, formats, the table object and its
 * style, the 处理意见 drop-down: template/layout.ts).
 *
 * Protection is checked before anything is read or written: a protected 审核意见 sheet, or a
 * protected workbook structure when the sheet must be made, is refused with the reason.
 *
 * Calls into WPS: the sheets and their table objects (to find the Reviews table wherever it
 * is), the review sheet's used range (Value2, one call), then per row written one NumberFormat
 * call per run of equal formats and one Value2 call (a 2-D array) per run of adjacent columns:
 * in the template's layout, two formats and one Value2 for the row.
 */
import type { CellModel, WorkbookModel } from "../../engine/model";
import { REVIEWS, REVIEWS_SHEET } from "../../engine/contract/reviews-table";
import { bundledRuleSet, type RuleSet } from "../../engine/rulesets/ruleset";
import type { ReviewValues } from "../../engine/reviews/rows";
import {
  planReviewWrite,
  REVIEW_STRUCTURE_PROTECTED,
  reviewHeaderMissing,
  reviewCellValue,
  reviewSheetProtected,
  type ReviewCell,
} from "../../engine/reviews/write-plan";
import { a1, columnLetters, rangeA1 } from "../../engine/util/address";
import { compact } from "../../engine/util/text";
import type { ReviewWriteResult } from "../excel/bridge";
import {
  PREPARED_ROWS,
  reviewCellFormat,
  TABLE_STYLE,
  tableColumns,
} from "../xlsx/template/layout";
import {
  XL_BETWEEN,
  XL_SRC_RANGE,
  XL_VALID_ALERT_WARNING,
  XL_VALIDATE_LIST,
  XL_YES,
  type ListObject,
  type Worksheet,
} from "./et";
import { activeWorkbook, explained, truthy, WpsHostError, type WpsHost } from "./host";
import { addressOf, worksheets } from "./read";
import { asRows, toScalar } from "./values";

export type { ReviewWriteResult };

/** The review table object, wherever it is, else the sheet named 审核意见 (as the locator). */
function findReviews(sheets: Worksheet[]): { sheet: Worksheet; table: ListObject | null } | null {
  for (const sheet of sheets) {
    const objects = sheet.ListObjects;
    for (let i = 1; i <= objects.Count; i += 1) {
      const table = objects.Item(i);
      if (String(table.Name).toLowerCase() === REVIEWS.name.toLowerCase()) return { sheet, table };
    }
  }
  const sheet = sheets.find((s) => compact(String(s.Name)) === compact(REVIEWS_SHEET));
  return sheet ? { sheet, table: null } : null;
}

/** The review sheet as it is now, as a model the engine's locator reads. */
function modelOf(sheet: Worksheet, table: ListObject | null): WorkbookModel {
  const name = String(sheet.Name);
  const rows: (CellModel | undefined)[][] = [];
  const used = sheet.UsedRange;
  const at = addressOf(used);
  if (at) {
    const height = at.end.row - at.start.row + 1;
    const width = at.end.col - at.start.col + 1;
    asRows(used.Value2, height, width).forEach((line, i) =>
      line.forEach((value, j) => {
        const v = toScalar(value);
        if (v !== null) (rows[at.start.row + i] ??= [])[at.start.col + j] = { v };
      })
    );
  }
  const model: WorkbookModel = {
    source: "WPS",
    sheets: [{ name, rows }],
    tables: [],
    names: [],
  };
  const ref = table ? addressOf(table.Range) : null;
  if (table && ref)
    model.tables.push({
      name: REVIEWS.name,
      sheet: name,
      ref: rangeA1(ref),
      headerRowCount: truthy(table.ShowHeaders) ? 1 : 0,
      totalsRowCount: truthy(table.ShowTotals) ? 1 : 0,
      columns: [],
    });
  return model;
}

/**
 * The row's cells, per run of adjacent columns (a user's sheet may put other columns between
 * ours; those are never written): formats first, so text is text before it arrives (a
 * fingerprint of digits and 'e', an explanation starting with '='), then the values at once.
 */
function writeRow(ws: Worksheet, row: number, cells: readonly ReviewCell[], date1904: boolean) {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  const runs: ReviewCell[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col === c.col - 1) last.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    for (let i = 0; i < run.length;) {
      let j = i;
      while (j + 1 < run.length && reviewCellFormat(run[j + 1]) === reviewCellFormat(run[i]))
        j += 1;
      ws.Range(`${a1(row, run[i].col)}:${a1(row, run[j].col)}`).NumberFormat = reviewCellFormat(
        run[i]
      );
      i = j + 1;
    }
    const first = run[0].col;
    const last = run[run.length - 1].col;
    ws.Range(`${a1(row, first)}:${a1(row, last)}`).Value2 = [
      run.map((c) => reviewCellValue(c, date1904)),
    ];
  }
}

/** 审核意见 in the template's layout after the last sheet, holding the header and this row. */
function createSheet(
  sheets: Worksheet[],
  add: (after: Worksheet) => Worksheet,
  row: number,
  cells: readonly ReviewCell[],
  date1904: boolean,
  ruleset: RuleSet
): Worksheet {
  const columns = tableColumns(REVIEWS, ruleset);
  const last = columns.length - 1;
  // Worksheets.Add(Before, After): Before left out, as summary.ts does.
  const ws = add(sheets[sheets.length - 1]);
  ws.Name = REVIEWS_SHEET;
  ws.Range(`A1:${a1(0, last)}`).Value2 = [columns.map((c) => c.header)];
  writeRow(ws, row, cells, date1904);
  // ColumnWidth counts characters of the default font, as the layout does.
  columns.forEach((c, i) => (ws.Range(a1(0, i)).ColumnWidth = c.width));
  // The table object and the drop-down are the template's comfort, not the row's substance:
  // should WPS refuse either, the row stays written and the engine finds the sheet by its name
  // and header (as it finds a template whose table object was lost).
  try {
    const table = ws.ListObjects.Add(
      XL_SRC_RANGE,
      ws.Range(`A1:${a1(row, last)}`),
      undefined,
      XL_YES,
      undefined,
      TABLE_STYLE
    );
    table.Name = REVIEWS.name;
  } catch {
    /* the sheet without a table object */
  }
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = columnLetters(i);
    try {
      const validation = ws.Range(`${letter}2:${letter}${PREPARED_ROWS + 1}`).Validation;
      validation.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_WARNING, XL_BETWEEN, c.list.join(","));
      validation.InCellDropdown = true;
      validation.ShowError = true;
      validation.ErrorTitle = c.header;
      validation.ErrorMessage = `请从下拉列表中选择：${c.list.join("、")}`;
    } catch {
      /* the column without its drop-down */
    }
  });
  return ws;
}

export function writeReviewRow(
  host: WpsHost,
  values: ReviewValues,
  ruleset: RuleSet = bundledRuleSet()
): ReviewWriteResult {
  try {
    const workbook = activeWorkbook(host);
    const sheets = worksheets(workbook);
    const found = findReviews(sheets);
    // Protection first: a refusal leaves the workbook as it was.
    if (found && truthy(found.sheet.ProtectContents))
      throw new WpsHostError(reviewSheetProtected(String(found.sheet.Name)), "Protected");
    if (!found && truthy(workbook.ProtectStructure))
      throw new WpsHostError(REVIEW_STRUCTURE_PROTECTED, "Structure");
    const date1904 = truthy(workbook.Date1904);

    const model: WorkbookModel = found
      ? modelOf(found.sheet, found.table)
      : { source: "WPS", sheets: [], tables: [], names: [] };
    const plan = planReviewWrite(model, values);
    if (plan.kind === "no-header")
      throw new WpsHostError(reviewHeaderMissing(plan.sheet), "NoHeader");
    if (plan.kind === "create") {
      createSheet(
        sheets,
        (after) => workbook.Worksheets.Add(undefined, after),
        plan.row,
        plan.cells,
        date1904,
        ruleset
      );
      return { sheet: plan.sheet, row: plan.row + 1, created: true, updated: false };
    }
    const { sheet, table } = found!;
    // The table takes the row in (before a totals row, shifting what lies below it).
    if (plan.grow && table) table.ListRows.Add();
    writeRow(sheet, plan.row, plan.cells, date1904);
    return {
      sheet: plan.sheet,
      row: plan.row + 1,
      created: false,
      updated: plan.kind === "update",
    };
  } catch (e) {
    throw explained(e);
  }
}
