/**
 * The annotated copy's 汇总-依据 sheet (review-cycle.md section 4): for every finding that
 * counts or sums rows, the rows behind its figure, counted or left out with the reason, each
 * with a link to its row; personnel spending also by payee. Laid out to print on A4 landscape
 * one page wide, header repeated.
 */
import type ExcelJS from "exceljs";
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import { formatNumber } from "../../engine/util/text";
import { evidenceTally } from "../../engine/evidence";
import { fitRowHeights, printSetup, textWidth } from "./template/print";
import { font, solid, thinBorder } from "./template/styles";

export const EVIDENCE_SHEET = `${SUMMARY_PREFIX}依据`;

/** 工作表, 行, 计入, 金额或数量, 未计入原因, 记录内容 (the rule is on each group's own row). */
const WIDTHS = [13, 7, 9, 11, 30, 62];
const HEADER = {
  zh: ["工作表", "行", "是否计入", "金额或数量", "未计入原因", "记录内容"],
  en: ["Sheet", "Row", "Counted", "Amount", "Why left out", "The row"],
};
/** The record's line in a smaller type, short enough for one or two lines. */
const CONTENT_FONT = font({ size: 9, color: { argb: "FF404040" } });
/** One line of the content column at that size (print.ts's measure, with its margins). */
const CONTENT_ROOM = (62 - 1) * 0.95 * (11 / 9) - 2;
const FILL = { header: "FFDDEBF7", group: "FFF2F2F2", left: "FFFFF2CC", payee: "FFE2EFDA" };
const LINK = font({ color: { argb: "FF0563C1" }, underline: true });

const w = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/**
 * ID numbers never leave the workbook whole (rules.md, Privacy): any run of 15 or more digits
 * (spaces or hyphens between them, as typed in groups), first 6 and last 4 kept.
 */
export function masked(text: string): string {
  return text.replace(/\d(?:[ -]?\d){13,16}[ -]?[\dXx]/g, (run) => {
    const id = run.replace(/[ -]/g, "");
    return `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
  });
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return valueText(v.result as ExcelJS.CellValue);
    if ("text" in v && typeof v.text === "string") return v.text;
    return "";
  }
  return String(v).trim();
}

/** The row's cells as one short line, so a reader knows the record without opening it. */
function rowText(ws: ExcelJS.Worksheet | undefined, row: number): string {
  if (!ws) return "";
  const parts: string[] = [];
  ws.getRow(row).eachCell((cell) => {
    const text = valueText(cell.value);
    if (text) parts.push(text.replace(/\s+/g, " "));
  });
  const line = masked(parts.join(" · "));
  if (textWidth(line) <= CONTENT_ROOM) return line;
  let cut = "";
  for (const ch of line) {
    if (textWidth(`${cut}${ch}…`) > CONTENT_ROOM) break;
    cut += ch;
  }
  return `${cut}…`;
}

function link(sheet: string, row: number): ExcelJS.CellHyperlinkValue {
  return { text: String(row), hyperlink: `#'${sheet.replace(/'/g, "''")}'!A${row}` };
}

/** What the group row says: the finding and how many rows stand behind it. */
function groupText(f: Finding, lang: Lang): string {
  const where = f.sheet && f.cell ? ` · ${f.sheet}!${f.cell}` : "";
  const counted = f.evidence!.filter((e) => e.counted).length;
  const left = f.evidence!.length - counted;
  const words = evidenceTally(counted, left)[lang];
  const tally = lang === "zh" ? `（${words}）` : ` (${words})`;
  return `${f.rule} ${f.title?.[lang] ?? ""}${where}${tally}\n${f.message[lang]}`;
}

export function addEvidenceSheet(
  wb: ExcelJS.Workbook,
  findings: readonly Finding[],
  lang: Lang
): void {
  const old = wb.getWorksheet(EVIDENCE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const backed = findings.filter((f) => f.evidence?.length);
  if (!backed.length) return;
  const ws = wb.addWorksheet(EVIDENCE_SHEET, { properties: { tabColor: { argb: "FF1F4E79" } } });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = WIDTHS.length;
  const intro = ws.addRow([
    w(
      lang,
      "各项计数和合计所依据的记录：逐行列出计入的记录，以及未计入的记录和原因。点击行号可跳转到该行。",
      "The rows behind each count and sum: every row counted, and every row left out with the reason. Click a row number to go to the row."
    ),
  ]);
  ws.mergeCells(intro.number, 1, intro.number, last);
  intro.getCell(1).font = font({ bold: true, size: 12 });
  intro.getCell(1).alignment = { wrapText: true, vertical: "top" };
  const header = ws.addRow(HEADER[lang]);
  header.eachCell((c) => {
    c.font = font({ bold: true });
    c.fill = solid(FILL.header);
    c.border = thinBorder;
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
  const yes = w(lang, "计入", "Yes");
  const no = w(lang, "未计入", "No");
  for (const f of backed) {
    const group = ws.addRow([groupText(f, lang)]);
    ws.mergeCells(group.number, 1, group.number, last);
    group.getCell(1).font = font({ bold: true });
    group.getCell(1).fill = solid(FILL.group);
    group.getCell(1).alignment = { wrapText: true, vertical: "top" };
    group.getCell(1).border = thinBorder;
    for (const e of f.evidence!) {
      const row = ws.addRow([
        e.sheet,
        link(e.sheet, e.row),
        e.counted ? yes : no,
        e.value ?? null,
        e.reason?.[lang] ?? "",
        rowText(wb.getWorksheet(e.sheet), e.row),
      ]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = thinBorder;
        c.alignment = { wrapText: true, vertical: "top" };
      });
      row.getCell(2).font = LINK;
      row.getCell(4).numFmt = "#,##0.##";
      row.getCell(6).font = CONTENT_FONT;
      if (!e.counted) row.getCell(3).fill = solid(FILL.left);
    }
    for (const p of f.byPayee ?? []) {
      const rows = p.rows.join(lang === "zh" ? "、" : ", ");
      const row = ws.addRow([
        w(lang, "按收款方", "By payee"),
        "",
        "",
        p.amount,
        p.payee ?? w(lang, "（未填写收款方）", "(no payee)"),
        w(lang, `${p.rows.length} 笔：第 ${rows} 行`, `${p.rows.length} payments: rows ${rows}`),
      ]);
      ws.mergeCells(row.number, 1, row.number, 2);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = thinBorder;
        c.fill = solid(FILL.payee);
        c.alignment = { wrapText: true, vertical: "top" };
      });
      row.getCell(4).numFmt = "#,##0.##";
    }
  }
  fitRowHeights(ws);
  ws.views = [{ state: "frozen", ySplit: header.number }];
  printSetup(ws, { titleRows: `${header.number}:${header.number}`, lang });
}
