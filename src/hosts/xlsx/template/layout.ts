/** Where the template puts things: table positions, the budget's formulas, number formats. */
import type { FieldDef, TableDef } from "../../../engine/contract/tables";
import { fieldDef, tableDef, templateHeader, NAMES } from "../../../engine/contract/tables";
import { enumDef } from "../../../engine/contract/enums";
import type { RuleSet } from "../../../engine/rulesets/ruleset";
import { columnLetters } from "../../../engine/util/address";
import type { ReviewCell } from "../../../engine/reviews/write-plan";

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONEY_FORMAT = "#,##0.00";
export const COUNT_FORMAT = "#,##0";
export const PERCENT_FORMAT = "0.0%";
export const TEXT_FORMAT = "@";

/** A 审核意见 cell's number format: the date format for 处理日期, text for the rest. */
export const reviewCellFormat = (c: Pick<ReviewCell, "field">): string =>
  c.field === "decidedOn" ? DATE_FORMAT : TEXT_FORMAT;

/** Rows of each table that carry data validation and formats ahead of the data. */
export const PREPARED_ROWS = 1000;

/** Every contract table starts at A1 of its own sheet; the header is row 1. */
export const TABLE_ORIGIN = { row: 0, col: 0 };

/** On 项目信息: a title row, a header row, then one row per named value. */
export const INFO_FIRST_ROW = 3; // 1-based row of the first named value

export function infoRow(name: string): number {
  return INFO_FIRST_ROW + NAMES.findIndex((n) => n.name === name);
}

export function columnOf(table: TableDef, key: string): string {
  return columnLetters(table.fields.findIndex((f) => f.key === key));
}

export function formatFor(field: FieldDef | { type: string; key?: string }): string | undefined {
  switch (field.type) {
    case "date":
      return DATE_FORMAT;
    case "number":
      if (field.key === "rate") return PERCENT_FORMAT;
      return /amount|planned|actual|value|grantAmount/.test(field.key ?? "")
        ? MONEY_FORMAT
        : COUNT_FORMAT;
    case "text":
    case "month":
      return TEXT_FORMAT;
    default:
      return undefined;
  }
}

/**
 * The budget's formulas, written the way Excel stores them: whole-column SUMIFS over the
 * ledger with its sheet name unquoted, so Excel, LibreOffice and (after translation)
 * HyperFormula compute the same figures.
 */
export function budgetFormulas(excelRow: number) {
  const ledger = tableDef("Ledger");
  const budget = tableDef("Budget");
  const amount = columnOf(ledger, "amount");
  const category = columnOf(ledger, "category");
  const catCol = columnOf(budget, "category");
  const planned = columnOf(budget, "planned");
  const actual = columnOf(budget, "actual");
  return {
    actual: `SUMIFS(${ledger.sheet}!$${amount}:$${amount},${ledger.sheet}!$${category}:$${category},$${catCol}${excelRow})`,
    rate: `IF(${planned}${excelRow}>0,${actual}${excelRow}/${planned}${excelRow},0)`,
  };
}

export function budgetField(key: string): FieldDef {
  return fieldDef("Budget", key);
}

/**
 * A table sheet's columns as the template lays them out: header text, width in characters,
 * number format and drop-down values. One definition for the template builder (ExcelJS) and
 * for whoever creates a sheet later in the template's layout (the Excel add-in's 审核意见).
 */
export interface ColumnLayout {
  key: string;
  header: string;
  type: FieldDef["type"];
  /** Width in characters (ExcelJS's unit; Excel's points are about 7 per character). */
  width: number;
  numFmt?: string;
  /** Values of the column's drop-down list, when it has one. */
  list?: readonly string[];
}

export function tableColumns(def: TableDef<string>, ruleset: RuleSet): ColumnLayout[] {
  return def.fields.map((f) => {
    const header = templateHeader(f);
    const numFmt = formatFor(f);
    return {
      key: f.key,
      header,
      type: f.type,
      width: Math.max(f.width ?? 12, Math.ceil(header.length * 1.1)),
      ...(numFmt ? { numFmt } : {}),
      ...(f.enumKey ? { list: enumDef(f.enumKey, ruleset).values } : {}),
    };
  });
}

/** The table style and tab colour of 审核意见 (the reviewers' sheet, last in the template). */
export const TABLE_STYLE = "TableStyleMedium2";
export const REVIEWS_TAB_COLOR = "7030A0";
