/**
 * The standard project workbook, written with ExcelJS from the contract and a rule set:
 * every sheet, table, defined name and header; drop-down lists on every enumeration; date
 * and number formats; frozen headers; the budget's live formulas; the instructions sheet.
 * The same builder fills in sample workbooks from data.
 */
import ExcelJS from "exceljs";
import type { RuleSet } from "../../../engine/rulesets/ruleset";
import {
  NAMES,
  TABLES,
  REVIEWS,
  INFO_SHEET,
  templateHeader,
  type NameKey,
  type TableDef,
  type TableName,
} from "../../../engine/contract/tables";
import { enumDef } from "../../../engine/contract/enums";
import { CATEGORIES, type Category } from "../../../engine/rules/_shared/ledger";
import { columnLetters } from "../../../engine/util/address";
import { parseIsoDate } from "../../../engine/util/dates";
import {
  PREPARED_ROWS,
  DATE_FORMAT,
  MONEY_FORMAT,
  budgetFormulas,
  infoRow,
  tableColumns,
  INFO_FIRST_ROW,
  REVIEWS_TAB_COLOR,
  TABLE_STYLE,
} from "./layout";
import {
  HEADER_FILL,
  HEADER_FONT,
  TITLE_FONT,
  NOTE_FONT,
  INPUT_FILL,
  FORMULA_FILL,
  thinBorder,
  font,
} from "./styles";
import { fitRowHeights, printSetup } from "./print";
import { addInstructions } from "./instructions-sheet";

/** A value to write: a string in ISO form goes into a date field as a date; {text} forces text. */
export type CellInput = string | number | boolean | null | { text: string } | { formula: string };

export interface WorkbookContent {
  info?: Partial<Record<NameKey, CellInput>>;
  tables?: Partial<Record<TableName, Record<string, CellInput>[]>>;
  budget?: Partial<Record<Category, CellInput>>;
  /** Rows of 审核意见 by field key (the sheet is always there; empty in the template). */
  reviews?: Record<string, CellInput>[];
}

/** A validation over a whole range (ExcelJS supports it; its typings only know per-cell validation). */
function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation) {
  (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation);
}

function toCellValue(input: CellInput, type: string): ExcelJS.CellValue {
  if (input === null || input === undefined) return null;
  if (typeof input === "object") {
    if ("text" in input) return input.text;
    return { formula: input.formula } as ExcelJS.CellFormulaValue;
  }
  if (type === "date" && typeof input === "string") {
    const serial = parseIsoDate(input);
    if (serial !== null) return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  }
  return input;
}

function listValidation(values: readonly string[], title: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: title,
    error: `请从下拉列表中选择：${values.join("、")}`,
    showInputMessage: false,
  };
}

const DATE_VALIDATION: ExcelJS.DataValidation = {
  type: "date",
  operator: "greaterThan",
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1))],
  showErrorMessage: true,
  errorStyle: "warning",
  errorTitle: "日期",
  error: "请输入日期，例如 2024-03-05。",
};

const NUMBER_VALIDATION: ExcelJS.DataValidation = {
  type: "decimal",
  operator: "greaterThanOrEqual",
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: "warning",
  errorTitle: "数字",
  error: "请输入数字（不带单位）。",
};

function addInfoSheet(wb: ExcelJS.Workbook, ruleset: RuleSet, content: WorkbookContent) {
  const ws = wb.addWorksheet(INFO_SHEET, { properties: { tabColor: { argb: "FF2E75B6" } } });
  ws.columns = [{ width: 24 }, { width: 36 }, { width: 48 }];
  ws.getCell("A1").value = "项目信息 Project information";
  ws.getCell("A1").font = TITLE_FONT;
  ["项目 Item", "填写 Value", "说明 Notes"].forEach((h, i) => {
    const c = ws.getCell(INFO_FIRST_ROW - 1, i + 1);
    c.value = h;
    c.font = HEADER_FONT;
    c.fill = HEADER_FILL;
    c.border = thinBorder;
  });
  const notes: Partial<Record<NameKey, string>> = {
    ProjectCode: "与合同编号一致 As in the contract",
    ContractorUSCC: "18 位，见登记证书 18 characters, see the registration certificate",
    Township: `从列表选择：${ruleset.program.sites.join("、")}`,
    ContractStart: "例如 2024-03-01 e.g. 2024-03-01",
    ContractEnd: `项目期限不超过 ${ruleset.project.termMonths} 个月 Term up to ${ruleset.project.termMonths} months`,
    ContractAmount: `不超过 ${ruleset.project.grant.toLocaleString("en-US")} 元 Up to ${ruleset.project.grant.toLocaleString("en-US")} yuan`,
    AsOfDate: "每次报送前更新 Update before each submission",
  };
  for (const def of NAMES) {
    const row = infoRow(def.name);
    const label = ws.getCell(row, 1);
    label.value = def.label;
    label.font = font({ bold: true });
    label.border = thinBorder;
    const cell = ws.getCell(row, 2);
    cell.value = toCellValue(content.info?.[def.name] ?? null, def.type);
    cell.fill = INPUT_FILL;
    cell.border = thinBorder;
    cell.numFmt = def.type === "date" ? DATE_FORMAT : def.type === "number" ? MONEY_FORMAT : "@";
    if (def.type === "date") cell.dataValidation = DATE_VALIDATION;
    if (def.type === "number") cell.dataValidation = NUMBER_VALIDATION;
    if (def.enumKey)
      cell.dataValidation = listValidation(enumDef(def.enumKey, ruleset).values, def.label);
    const note = ws.getCell(row, 3);
    note.value = `${def.en}${notes[def.name] ? ` · ${notes[def.name]}` : ""}`;
    note.font = NOTE_FONT;
    note.border = thinBorder;
    for (const c of [label, cell, note]) c.alignment = { vertical: "top", wrapText: true };
    wb.definedNames.add(`${INFO_SHEET}!$B$${row}`, def.name);
  }
  fitRowHeights(ws);
  ws.views = [{ state: "frozen", ySplit: INFO_FIRST_ROW - 1, showGridLines: false }];
  printSetup(ws, {
    orientation: "portrait",
    titleRows: `${INFO_FIRST_ROW - 1}:${INFO_FIRST_ROW - 1}`,
  });
}

export function addTableSheet(
  wb: ExcelJS.Workbook,
  def: TableDef<string>,
  ruleset: RuleSet,
  rows: Record<string, CellInput>[],
  options: { tabColor?: string } = {}
) {
  const ws = wb.addWorksheet(
    def.sheet,
    options.tabColor ? { properties: { tabColor: { argb: options.tabColor } } } : undefined
  );
  const layout = tableColumns(def, ruleset);
  ws.columns = layout.map((c) => ({ width: c.width }));
  const data = rows.length ? rows : [{}];
  ws.addTable({
    name: def.name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: layout.map((c) => ({ name: c.header, filterButton: true })),
    rows: data.map((row) => def.fields.map((f) => toCellValue(row[f.key] ?? null, f.type))),
  });
  def.fields.forEach((f, i) => {
    const col = columnLetters(i);
    const range = `${col}2:${col}${PREPARED_ROWS + 1}`;
    const fmt = layout[i].numFmt;
    if (fmt) {
      // The column's own style formats every row users add (Excel, LibreOffice and WPS alike)
      // without writing thousands of empty cells; the rows written now get it explicitly.
      ws.getColumn(i + 1).numFmt = fmt;
      for (let r = 2; r <= data.length + 1; r += 1) ws.getCell(`${col}${r}`).numFmt = fmt;
    }
    const list = layout[i].list;
    if (list) addValidation(ws, range, listValidation(list, f.header));
    else if (f.type === "date") addValidation(ws, range, DATE_VALIDATION);
    else if (f.type === "number") addValidation(ws, range, NUMBER_VALIDATION);
    // Text wraps within its column (rows users add take the column's style), so it prints whole.
    const alignment: Partial<ExcelJS.Alignment> = {
      vertical: "top",
      wrapText: f.type !== "number",
    };
    ws.getColumn(i + 1).alignment = alignment;
    if (rows.length)
      for (let r = 2; r <= data.length + 1; r += 1) ws.getCell(`${col}${r}`).alignment = alignment;
  });
  // After the columns' styles, which ExcelJS also gives every cell already in the column.
  styleHeader(ws, def.fields.length);
  fitRowHeights(ws);
  ws.views = [{ state: "frozen", ySplit: 1 }];
  printSetup(ws, { titleRows: "1:1" });
  return ws;
}

/** The table's header row with its own fill and dark text: it prints in every program. */
function styleHeader(ws: ExcelJS.Worksheet, count: number) {
  const row = ws.getRow(1);
  row.height = 32;
  for (let c = 1; c <= count; c += 1) {
    const cell = row.getCell(c);
    cell.numFmt = "General";
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = thinBorder;
  }
}

function ruleText(category: Category, ruleset: RuleSet): string {
  const n = (v: number) => v.toLocaleString("en-US");
  if (category === "人力成本") return `≤ ${n(ruleset.budget.personnelMax)}`;
  if (category === "服务性支出") return `≥ ${n(ruleset.budget.serviceMin)}`;
  return `≤ ${n(ruleset.budget.evaluationMax)}`;
}

function addBudgetSheet(
  wb: ExcelJS.Workbook,
  def: TableDef,
  ruleset: RuleSet,
  content: WorkbookContent
) {
  const ws = wb.addWorksheet(def.sheet, { properties: { tabColor: { argb: "FF548235" } } });
  const standard = { header: "标准", en: "Rule (yuan)" };
  ws.columns = [{ width: 20 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 18 }];
  const fields = def.fields;
  ws.addTable({
    name: def.name,
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium7", showRowStripes: true },
    columns: [
      { name: templateHeader(fields[0]), totalsRowLabel: "合计 Total" },
      { name: templateHeader(fields[1]), totalsRowFunction: "sum" },
      { name: templateHeader(fields[2]), totalsRowFunction: "sum" },
      {
        name: templateHeader(fields[3]),
        totalsRowFunction: "custom",
        totalsRowFormula: budgetFormulas(CATEGORIES.length + 2).rate,
      },
      {
        name: templateHeader(standard),
        totalsRowLabel: `≤ ${ruleset.project.grant.toLocaleString("en-US")}`,
      },
    ],
    rows: CATEGORIES.map((category, i) => {
      const formulas = budgetFormulas(i + 2);
      return [
        category,
        toCellValue(content.budget?.[category] ?? null, "number"),
        { formula: formulas.actual } as ExcelJS.CellFormulaValue,
        { formula: formulas.rate } as ExcelJS.CellFormulaValue,
        ruleText(category, ruleset),
      ];
    }),
  });
  styleHeader(ws, 5);
  // ExcelJS writes totals labels only in the first column; the rule column's total is the grant.
  ws.getCell(`E${CATEGORIES.length + 2}`).value =
    `≤ ${ruleset.project.grant.toLocaleString("en-US")}`;
  for (let r = 2; r <= CATEGORIES.length + 2; r += 1) {
    ws.getCell(`B${r}`).numFmt = MONEY_FORMAT;
    ws.getCell(`C${r}`).numFmt = MONEY_FORMAT;
    ws.getCell(`D${r}`).numFmt = "0.0%";
    ws.getCell(`E${r}`).alignment = { horizontal: "right" };
    if (r <= CATEGORIES.length + 1) {
      ws.getCell(`B${r}`).fill = INPUT_FILL;
      ws.getCell(`C${r}`).fill = FORMULA_FILL;
      ws.getCell(`D${r}`).fill = FORMULA_FILL;
    }
  }
  addValidation(ws, `B2:B${CATEGORIES.length + 1}`, NUMBER_VALIDATION);
  const notes = [
    "说明：「实际支出」按「支出台账」各类别金额自动汇总，「执行率」= 实际支出 ÷ 预算金额；灰色单元格为公式，请勿改写。",
    "Actual sums the ledger per category and Rate = Actual / Planned; grey cells are formulas, do not overwrite them.",
  ];
  notes.forEach((text, i) => {
    const row = CATEGORIES.length + 4 + i;
    ws.mergeCells(row, 1, row, 5);
    const note = ws.getCell(row, 1);
    note.value = text;
    note.font = NOTE_FONT;
    note.alignment = { wrapText: true, vertical: "top" };
  });
  fitRowHeights(ws);
  ws.views = [{ state: "frozen", ySplit: 1 }];
  printSetup(ws, { orientation: "portrait", titleRows: "1:1" });
}

/** Build the template (no content) or a filled workbook. Formulas carry no cached values yet: see withCachedValues. */
export function buildWorkbook(ruleset: RuleSet, content: WorkbookContent = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fucai-compliance";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  addInstructions(wb, ruleset);
  addInfoSheet(wb, ruleset, content);
  for (const def of TABLES) {
    if (def.name === "Budget") addBudgetSheet(wb, def, ruleset, content);
    else addTableSheet(wb, def, ruleset, content.tables?.[def.name] ?? []);
  }
  // Last: the reviewers' sheet, not the contractor's data.
  addTableSheet(wb, REVIEWS, ruleset, content.reviews ?? [], {
    tabColor: `FF${REVIEWS_TAB_COLOR}`,
  });
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" },
  ];
  return wb;
}
