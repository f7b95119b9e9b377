/**
 * The template's 说明 sheet laid out for the screen and for A4: title and source, the steps
 * (Chinese beside English), the sheets and their tables, and every rule with what it checks,
 * wrapped in columns that fit one landscape page across.
 */
import type ExcelJS from "exceljs";
import type { RuleSet } from "../../../engine/rulesets/ruleset";
import { instructions } from "../../../engine/template/instructions";
import { font, HEADER_FILL, HEADER_FONT, NOTE_FONT, TITLE_FONT, thinBorder } from "./styles";
import { fitRowHeights, printSetup } from "./print";

export const INSTRUCTIONS_SHEET = "说明";

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
/** 规则编号, 名称, 类别, 检查内容, 严重程度, 依据, Check (English). */
const WIDTHS = [18, 17, 10, 44, 10, 10, 42];

/**
 * No merged cells on this sheet: lines of text run on over the empty cells to their right,
 * each short enough for the page. (Tests of hostile files add a merge range to the first
 * sheet of a sample, and a sheet that has merges already would hide it.)
 */
function line(ws: ExcelJS.Worksheet, row: number, value: string, font: Partial<ExcelJS.Font>) {
  const cell = ws.getCell(row, 1);
  cell.value = value;
  cell.font = font;
}

function headerCells(ws: ExcelJS.Worksheet, row: number, texts: string[]) {
  texts.forEach((text, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = text;
    c.alignment = { wrapText: true, vertical: "middle" };
    c.font = HEADER_FONT;
    c.fill = HEADER_FILL;
    c.border = thinBorder;
  });
}

export function addInstructions(wb: ExcelJS.Workbook, ruleset: RuleSet): ExcelJS.Worksheet {
  const doc = instructions(ruleset);
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET, {
    properties: { tabColor: { argb: "FF1F4E79" } },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  line(ws, 1, doc.title.zh, TITLE_FONT);
  line(ws, 2, doc.title.en, NOTE_FONT);
  line(ws, 3, doc.source.zh, NOTE_FONT);
  line(ws, 4, doc.source.en, NOTE_FONT);
  let r = 6;
  for (const step of doc.steps) {
    line(ws, r, step.zh, font());
    line(ws, r + 1, `    ${step.en}`, NOTE_FONT);
    r += 2;
  }
  r += 1;
  ws.getCell(r, 1).value = "工作表与表格 Sheets and tables";
  ws.getCell(r, 1).font = { ...HEADER_FONT, size: 12 };
  r += 1;
  // The contents run on from C over D: one box around both.
  headerCells(ws, r, ["工作表 Sheet", "表格名称 Table", "内容 Contents", ""]);
  ws.getCell(r, 3).border = { ...thinBorder, right: undefined };
  ws.getCell(r, 3).alignment = { vertical: "middle" };
  ws.getCell(r, 4).border = { ...thinBorder, left: undefined };
  r += 1;
  for (const s of doc.sheets) {
    ws.getCell(r, 1).value = s.sheet;
    ws.getCell(r, 2).value = s.table;
    ws.getCell(r, 3).value = s.en;
    for (let c = 1; c <= 2; c += 1) ws.getCell(r, c).border = thinBorder;
    ws.getCell(r, 3).border = { ...thinBorder, right: undefined };
    ws.getCell(r, 4).border = { ...thinBorder, left: undefined };
    r += 1;
  }
  // The rules start a page of their own, under their header.
  ws.getRow(r).addPageBreak();
  r += 1;
  ws.getCell(r, 1).value = "检查规则 Rules";
  ws.getCell(r, 1).font = { ...HEADER_FONT, size: 12 };
  r += 1;
  const header = [
    "规则编号 Rule",
    "名称 Title",
    "类别 Area",
    "检查内容",
    "严重程度 Severity",
    "依据 Clause",
    "Check (English)",
  ];
  headerCells(ws, r, header);
  const headerRow = r;
  r += 1;
  for (const rule of doc.rules) {
    const values = [
      rule.id,
      rule.title.zh,
      rule.area.zh,
      rule.rule.zh,
      rule.severity.zh,
      rule.clause,
      rule.rule.en,
    ];
    values.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      c.value = v;
      c.alignment = WRAP;
      c.border = thinBorder;
    });
    r += 1;
  }
  fitRowHeights(ws);
  ws.views = [{ state: "normal", showGridLines: false }];
  printSetup(ws, { titleRows: `${headerRow}:${headerRow}` });
  return ws;
}
