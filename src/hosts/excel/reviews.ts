/**
 * A review row (审核意见, review-cycle.md section 2) written into the open workbook on the
 * user's action in the pane: the row holding the finding's fingerprint is updated, else one is
 * appended; nothing is ever deleted. The sheet is read again first and the row planned by the
 * engine's own locator (engine/reviews/write-plan.ts), so an edit made since the check is seen.
 * Without the sheet it is made in the template's layout (headers, order, widths, formats,
 * the 处理意见 drop-down: template/layout.ts, shared with the template builder).
 *
 * Round trips: the sheets, their protection, the tables and the date system; the review
 * sheet's used range; the writes (one row is a few hundred bytes). Refused, with the reason,
 * when 审核意见 is protected, or when it must be made and the workbook's structure is.
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
import {
  PREPARED_ROWS,
  reviewCellFormat,
  TABLE_STYLE,
  tableColumns,
} from "../xlsx/template/layout";
import { qualified, rangeOf } from "./address";
import { ExcelHostError, explained } from "./errors";
import { API, excelRun, supports, type ExcelHost } from "./host";

/** range.dataValidation (the 处理意见 drop-down). */
const VALIDATION_API = "1.8";
/** Excel's column width is in points; a character of the default font is about 7. */
const POINTS_PER_CHAR = 7;

export interface ReviewWriteResult {
  sheet: string;
  /** One-based row, as Excel shows it. */
  row: number;
  created: boolean;
  updated: boolean;
}

export async function writeReviewRow(
  host: ExcelHost,
  values: ReviewValues,
  ruleset: RuleSet = bundledRuleSet()
): Promise<ReviewWriteResult> {
  if (!supports(host, API.read))
    throw new ExcelHostError({
      zh: `此版本的 Excel 不能写入审核意见（需要 ExcelApi ${API.read}）。`,
      en: `This version of Excel cannot write reviews (ExcelApi ${API.read} is needed).`,
    });
  try {
    return await excelRun(host, async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name,items/id,items/protection/protected");
      const tables = workbook.tables.load(
        "items/name,items/worksheet/name,items/showHeaders,items/showTotals"
      );
      const protection = workbook.protection.load("protected");
      // 2000-01-01 is 36526 in the 1900 system, 35064 in 1904 (template.ts explains the probe).
      const epoch = workbook.functions.date(2000, 1, 1).load("value");
      await context.sync();
      const date1904 = typeof epoch.value === "number" && epoch.value < 36_000;

      const table = tables.items.find((t) => t.name.toLowerCase() === REVIEWS.name.toLowerCase());
      const sheet =
        sheets.items.find((s) => s.name === table?.worksheet.name) ??
        sheets.items.find((s) => compact(s.name) === compact(REVIEWS_SHEET));

      // The review sheet as it is now, as a model the engine's locator reads.
      const model: WorkbookModel = { source: "Excel", sheets: [], tables: [], names: [] };
      if (sheet) {
        const ws = workbook.worksheets.getItem(sheet.id);
        const used = ws.getUsedRangeOrNullObject(true).load("address,values");
        const tableRange = table
          ? workbook.tables.getItem(table.name).getRange().load("address")
          : null;
        await context.sync();
        const rows: (CellModel | undefined)[][] = [];
        const at = used.isNullObject ? null : rangeOf(used.address);
        if (at)
          (used.values as unknown[][]).forEach((line, i) => {
            rows[at.start.row + i] = [
              ...Array<undefined>(at.start.col),
              ...line.map((v) =>
                v === "" || v === null ? undefined : { v: v as string | number | boolean }
              ),
            ];
          });
        model.sheets.push({ name: sheet.name, rows });
        const ref = tableRange ? rangeOf(tableRange.address) : null;
        if (table && ref)
          model.tables.push({
            name: REVIEWS.name,
            sheet: sheet.name,
            ref: rangeA1(ref),
            headerRowCount: table.showHeaders ? 1 : 0,
            totalsRowCount: table.showTotals ? 1 : 0,
            columns: [],
          });
      }

      const plan = planReviewWrite(model, values);
      if (plan.kind === "no-header") throw new ExcelHostError(reviewHeaderMissing(plan.sheet));
      if (plan.kind === "create") {
        if (protection.protected) throw new ExcelHostError(REVIEW_STRUCTURE_PROTECTED);
        createSheet(context, plan.cells, date1904, supports(host, VALIDATION_API), ruleset);
        await context.sync();
        return { sheet: plan.sheet, row: plan.row + 1, created: true, updated: false };
      }
      if (sheet!.protection.protected) throw new ExcelHostError(reviewSheetProtected(sheet!.name));
      const ws = workbook.worksheets.getItem(sheet!.id);
      if (plan.grow && plan.table) {
        // The table takes the row in (Excel extends its formats and drop-downs to it).
        const width = rangeOf(model.tables[0].ref)!;
        const blank = [Array.from({ length: width.end.col - width.start.col + 1 }, () => "")];
        workbook.tables.getItem(table!.name).rows.add(undefined, blank);
      }
      writeCells(ws, plan.row, plan.cells, date1904);
      await context.sync();
      return {
        sheet: plan.sheet,
        row: plan.row + 1,
        created: false,
        updated: plan.kind === "update",
      };
    });
  } catch (e) {
    throw explained(e);
  }
}

/** One cell at a time: the columns of a user's sheet need not be side by side. */
function writeCells(
  ws: Excel.Worksheet,
  row: number,
  cells: readonly ReviewCell[],
  date1904: boolean
) {
  for (const c of cells) {
    const range = ws.getRange(a1(row, c.col));
    // The format first: text must be text before it arrives (a fingerprint of digits and 'e').
    range.numberFormat = [[reviewCellFormat(c)]];
    range.values = [[reviewCellValue(c, date1904)]];
  }
}

/** 审核意见 in the template's layout, holding the header and this row. */
function createSheet(
  context: Excel.RequestContext,
  cells: readonly ReviewCell[],
  date1904: boolean,
  validation: boolean,
  ruleset: RuleSet
) {
  const columns = tableColumns(REVIEWS, ruleset);
  const ws = context.workbook.worksheets.add(REVIEWS_SHEET);
  const last = columnLetters(columns.length - 1);
  const header = ws.getRange(`A1:${last}1`);
  header.numberFormat = [columns.map(() => "General")];
  header.values = [columns.map((c) => c.header)];
  // The header stays in view as the rows grow, as in the template's own 审核意见.
  ws.freezePanes.freezeRows(1);
  writeCells(ws, 1, cells, date1904);
  const table = context.workbook.tables.add(qualified(REVIEWS_SHEET, `A1:${last}2`), true);
  table.name = REVIEWS.name;
  table.style = TABLE_STYLE;
  columns.forEach((c, i) => {
    const letter = columnLetters(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = c.width * POINTS_PER_CHAR;
    if (c.list && validation) {
      const range = ws.getRange(`${letter}2:${letter}${PREPARED_ROWS + 1}`);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(",") } };
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: "Warning",
        title: c.header,
        message: `请从下拉列表中选择：${c.list.join("、")}`,
      };
    }
  });
}
