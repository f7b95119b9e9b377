/**
 * The annotated copy (fucai check --annotate): the user's workbook with every flagged cell
 * filled by severity and the reasons attached as a cell note, plus a 汇总-检查结果 sheet
 * listing every finding with a link to its cell. Written with ExcelJS to a new file; the
 * input is only ever read.
 */
import { whereText } from "../../engine/read/describe-needs";
import ExcelJS from "exceljs";
import type { Finding, Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { MARK_COLORS, SEVERITY_LABELS, planMarks } from "../../engine/marks";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";

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
}

export async function annotateWorkbook(
  input: Uint8Array,
  options: AnnotateInput
): Promise<Uint8Array> {
  const lang = options.lang ?? "zh";
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
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
  addFindingsSheet(wb, options, lang);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addFindingsSheet(wb: ExcelJS.Workbook, options: AnnotateInput, lang: Lang) {
  const old = wb.getWorksheet(ANNOTATION_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(ANNOTATION_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  ws.columns = [
    { width: 10 },
    { width: 18 },
    { width: 14 },
    { width: 12 },
    { width: 70 },
    { width: 60 },
  ];
  if (options.heading) ws.addRow([options.heading]).font = { bold: true, size: 12 };
  const header =
    lang === "zh"
      ? ["严重程度", "规则", "工作表", "单元格", "说明", "English"]
      : ["Severity", "Rule", "Sheet", "Cell", "Message", "中文"];
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  headerRow.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  const other = lang === "zh" ? "en" : "zh";
  for (const f of options.findings) {
    const row = ws.addRow([
      SEVERITY_LABELS[f.severity][lang],
      f.rule,
      f.sheet ?? "",
      f.cell ?? whereText(f.target, lang),
      f.message[lang],
      f.message[other],
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: FILLS[f.severity] },
    };
    if (f.sheet && f.cell && wb.getWorksheet(f.sheet)) {
      const target = f.cell.split(":")[0];
      row.getCell(4).value = {
        text: f.cell,
        hyperlink: `#'${f.sheet.replace(/'/g, "''")}'!${target}`,
      };
      row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
  ws.views = [{ state: "frozen", ySplit: headerRow.number }];
  ws.autoFilter = {
    from: { row: headerRow.number, column: 1 },
    to: { row: headerRow.number, column: 6 },
  };
}
