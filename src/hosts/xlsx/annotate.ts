/**
 * The annotated copy (fucai check --annotate): the user's workbook with every flagged cell
 * filled by severity and the reasons attached as a cell note, plus a 汇总-检查结果 sheet
 * listing every finding with a link to its cell, laid out to print on A4 one page across.
 * Written with ExcelJS to a new file; the input is only ever read.
 */
import { whereText } from "../../engine/read/describe-needs";
import ExcelJS from "exceljs";
import type { Finding, Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { MARK_COLORS, SEVERITY_LABELS, planMarks } from "../../engine/marks";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import { explanation, ruleAbout } from "./summary-project";
import { fitRowHeights, printSetup } from "./template/print";
import { font, thinBorder as BORDER } from "./template/styles";
import { ACCEPTED } from "../../engine/reviews/text";
import { addEvidenceSheet } from "./annotate-evidence";
import type { ReviewWrite } from "../../engine/reviews/write-plan";
import type { RuleSet } from "../../engine/rulesets/ruleset";
import { writeReviewRows } from "./reviews";

export const ANNOTATION_SHEET = `${SUMMARY_PREFIX}检查结果`;

/** ARGB fills from the shared mark colours. */
const FILLS = Object.fromEntries(
  Object.entries(MARK_COLORS).map(([k, hex]) => [k, `FF${hex.slice(1)}`])
) as Record<Severity, string>;
export interface AnnotateInput {
  findings: readonly Finding[];
  lang?: Lang;
  /** Heading of the findings sheet: file and stage. */
  heading?: string;
  /** Review rows the user wrote in the pane (审核意见), in order, and the rule set for a new sheet. */
  reviews?: { writes: readonly ReviewWrite[]; ruleset: RuleSet };
}

export async function annotateWorkbook(
  input: Uint8Array,
  options: AnnotateInput
): Promise<Uint8Array> {
  const lang = options.lang ?? "zh";
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  if (options.reviews) writeReviewRows(wb, options.reviews.writes, options.reviews.ruleset);
  const marks = planMarks(options.findings, lang).filter((m) => wb.getWorksheet(m.sheet));
  for (const mark of marks) {
    const cell = wb.getWorksheet(mark.sheet)!.getCell(mark.cell);
    // ExcelJS shares one style object among cells loaded with the same style: give this cell its own.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[mark.severity] } },
    };
    if (mark.lines.length) {
      const existing =
        typeof cell.note === "string"
          ? cell.note
          : (cell.note?.texts?.map((t) => t.text).join("") ?? "");
      const text = [existing, ...mark.lines].filter(Boolean).join("\n\n");
      cell.note = { texts: [{ text }], margins: { insetmode: "auto" } } as ExcelJS.Comment;
    }
  }
  for (const ws of wb.worksheets) keepPrintable(ws);
  addFindingsSheet(wb, options, lang);
  addEvidenceSheet(wb, options.findings, lang);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Excel's table styles' header colour (TableStyleMedium2's, the common default). */
const TABLE_HEADER = "FF4472C4";

function isWhite(font: Partial<ExcelJS.Font> | undefined): boolean {
  const c = font?.color as { argb?: string; theme?: number } | undefined;
  return c?.argb?.toUpperCase() === "FFFFFFFF" || c?.theme === 0;
}

/**
 * What the copy needs to print as the user's workbook shows in Excel: ExcelJS reads every
 * sheet as numbering its pages from 1 (each sheet's pages would all say 第 1 页), and a table
 * header of white text has its colour only from Excel's table style, so it vanishes in other
 * programs: it gets that colour as a real fill.
 */
function keepPrintable(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
  if (!setup.useFirstPageNumber) ws.pageSetup.firstPageNumber = undefined;
  for (const t of ws.getTables() as unknown as {
    table: { tableRef: string; headerRow?: boolean };
  }[]) {
    if (t.table.headerRow === false) continue;
    const [from, to] = t.table.tableRef.split(":");
    const start = ws.getCell(from);
    const end = ws.getCell(to ?? from);
    for (let c = Number(start.col); c <= Number(end.col); c += 1) {
      const cell = ws.getCell(Number(start.row), c);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (isWhite(cell.font) && (!fill || fill.pattern === "none"))
        cell.style = { ...cell.style, fill: solidFill(TABLE_HEADER) };
    }
  }
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function severityText(f: Finding, lang: Lang): string {
  if (f.status === "not-checked") return lang === "zh" ? "未检查" : "Not checked";
  if (f.status === "progress") return lang === "zh" ? "进度" : "Progress";
  const accepted = f.review?.accepted ? `\n${ACCEPTED[lang]}` : "";
  return `${SEVERITY_LABELS[f.severity][lang]}${accepted}`;
}

/** 严重程度, 规则, 名称与依据, 工作表, 单元格, 说明, English (or the English sheet's 中文). */
const WIDTHS = [9, 15, 16, 11, 9, 48, 46];

function addFindingsSheet(wb: ExcelJS.Workbook, options: AnnotateInput, lang: Lang) {
  const old = wb.getWorksheet(ANNOTATION_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(ANNOTATION_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  ws.columns = WIDTHS.map((width) => ({ width }));
  if (options.heading) {
    const row = ws.addRow([options.heading]);
    ws.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).font = font({ bold: true, size: 12 });
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  }
  const header =
    lang === "zh"
      ? ["严重程度", "规则", "名称与依据", "工作表", "单元格", "说明", "English"]
      : ["Severity", "Rule", "Rule name", "Sheet", "Cell", "Message", "中文"];
  const headerRow = ws.addRow(header);
  headerRow.eachCell((c) => {
    c.font = font({ bold: true });
    c.fill = solidFill("FFDDEBF7");
    c.border = BORDER;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  const other = lang === "zh" ? "en" : "zh";
  for (const f of options.findings) {
    const row = ws.addRow([
      severityText(f, lang),
      f.rule,
      ruleAbout(f, lang),
      f.sheet ?? "",
      f.cell ?? whereText(f.target, lang),
      explanation(f, lang),
      explanation(f, other),
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.eachCell((c) => (c.border = BORDER));
    row.getCell(7).font = font({ size: 9, color: { argb: "FF595959" } });
    // Accepted (审核意见 认可): green, still listed.
    row.getCell(1).fill = solidFill(f.review?.accepted ? "FFC6EFCE" : FILLS[f.severity]);
    if (f.sheet && f.cell && wb.getWorksheet(f.sheet)) {
      const target = f.cell.split(":")[0];
      row.getCell(5).value = {
        text: f.cell,
        hyperlink: `#'${f.sheet.replace(/'/g, "''")}'!${target}`,
      };
      row.getCell(5).font = font({ color: { argb: "FF0563C1" }, underline: true });
    }
  }
  fitRowHeights(ws);
  ws.views = [{ state: "frozen", ySplit: headerRow.number }];
  ws.autoFilter = {
    from: { row: headerRow.number, column: 1 },
    to: { row: headerRow.number, column: WIDTHS.length },
  };
  printSetup(ws, { titleRows: `${headerRow.number}:${headerRow.number}`, lang });
}
