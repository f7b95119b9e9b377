/**
 * The 汇总-合规 sheet in the open workbook: one project's facts, budget, KPIs (with a chart of
 * their attainment) and findings linking to their cells, set up to print on A4 where Excel
 * allows it (ExcelApi 1.9). The sheet's id is kept in
 * workbook.settings: a rebuild replaces that sheet only. A sheet the user made (or renamed away
 * from 汇总-…) is never touched; when it holds the name, the summary takes "汇总-合规 2", … .
 * Three syncs: what is there; the sheet written; its id remembered.
 */
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import type { ProjectSummary } from "../../engine/summary/model";
import { a1, columnLetters, rangeA1, type RangePos } from "../../engine/util/address";
import { qualified } from "./address";
import { API, supports, type ExcelHost } from "./host";
import { MARK_COLORS } from "./marks-plan";
import {
  FORMATS,
  layoutSummary,
  safeText,
  type CellStyle,
  type LayoutCell,
  type SummaryLayout,
} from "./summary-layout";

export const SUMMARY_SHEET = `${SUMMARY_PREFIX}合规`;
/** workbook.settings key holding the id of the sheet we made. */
export const SUMMARY_KEY = "fucai.summarySheet";

const FILLS: Partial<Record<CellStyle, string>> = {
  header: "#DDEBF7",
  ok: "#C6EFCE",
  attention: "#FFEB9C",
  fail: "#FFC7CE",
  ...MARK_COLORS,
};

/** worksheet.pageLayout: without it the sheet is written, with Excel's own print settings. */
const PAGE_LAYOUT = "1.9";

/** Excel's column width is in points; a character of the default font is about 7. */
const POINTS_PER_CHAR = 7;

export function freeSheetName(taken: ReadonlySet<string>): string {
  let name = SUMMARY_SHEET;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${SUMMARY_SHEET} ${n}`;
  return name;
}

/** Writes the sheet and returns the name it got; rejects (bilingual) without ExcelApi 1.7. */
export async function writeSummarySheet(
  host: ExcelHost,
  summary: ProjectSummary,
  lang: Lang = "zh"
): Promise<string> {
  if (!supports(host, API.hyperlinks) || !supports(host, API.settings))
    throw new Error(
      `此版本的 Excel 不能生成汇总工作表（需要 ExcelApi ${API.hyperlinks}）。\n` +
        `This version of Excel cannot write the summary sheet (ExcelApi ${API.hyperlinks} is needed).`
    );
  const layout = layoutSummary(summary, lang);
  return host.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name,items/id,items/position");
    const setting = workbook.settings.getItemOrNullObject(SUMMARY_KEY).load("value");
    await context.sync();

    const ourId = setting.isNullObject ? null : String(setting.value);
    const ours = sheets.items.find((s) => s.id === ourId && s.name.startsWith(SUMMARY_PREFIX));
    const taken = new Set(sheets.items.filter((s) => s !== ours).map((s) => s.name.toLowerCase()));
    const name = freeSheetName(taken);
    if (ours) workbook.worksheets.getItem(ours.id).delete();
    const sheet = workbook.worksheets.add(name);
    if (ours) sheet.position = ours.position;
    write(sheet, layout, lang, supports(host, PAGE_LAYOUT));
    sheet.activate();
    sheet.load("id");
    await context.sync();

    workbook.settings.add(SUMMARY_KEY, sheet.id);
    await context.sync();
    return name;
  });
}

function input(cell: LayoutCell): string | number {
  if (cell.v === null) return "";
  return typeof cell.v === "string" ? safeText(cell.v) : cell.v;
}

function write(
  sheet: Excel.Worksheet,
  layout: SummaryLayout,
  lang: Lang,
  printable: boolean
): void {
  const { rows, width } = layout;
  const all = sheet.getRange(`A1:${a1(rows.length - 1, width - 1)}`);
  // Formats first: a text cell must be text before its value arrives.
  all.numberFormat = rows.map((r) => r.map((c) => c.fmt ?? FORMATS[c.kind]));
  all.values = rows.map((r) => r.map(input));

  layout.widths.forEach((chars, col) => {
    const letter = columnLetters(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  rows.forEach((row, r) => {
    const first = row[0]?.style;
    if (first === "title" || first === "section") {
      const font = sheet.getRange(a1(r, 0)).format.font;
      font.bold = true;
      font.size = first === "title" ? 14 : 12;
    }
    row.forEach((cell, c) => {
      if (!cell.style) return;
      const range = sheet.getRange(a1(r, c));
      if (cell.style === "header" || cell.style === "label") range.format.font.bold = true;
      const fill = FILLS[cell.style];
      if (fill) range.format.fill.color = fill;
    });
  });
  for (const table of layout.tables) border(sheet.getRange(rangeA1(table)));
  for (const wrap of layout.wraps)
    if (wrap.end.row >= wrap.start.row) {
      const format = sheet.getRange(rangeA1(wrap)).format;
      format.wrapText = true;
      format.verticalAlignment = "Top";
    }
  for (const area of layout.merges) sheet.getRange(rangeA1(area)).merge(false);
  for (const [row, points] of layout.heights)
    sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = points;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.link) return;
      sheet.getRange(a1(r, c)).hyperlink = {
        documentReference: qualified(cell.link.sheet, cell.link.cell),
        textToDisplay: String(cell.v ?? ""),
        screenTip: cell.link.tip.slice(0, 250),
      };
    })
  );
  if (layout.chart) chart(sheet, layout.chart);
  if (printable) printSetup(sheet, layout, lang);
}

/**
 * A4 portrait, one page wide, the findings' header on every page, the sheet and page number
 * in the footer: worksheet.pageLayout, ExcelApi 1.9
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). Fit to width only
 * (zoom.horizontalFitToPages), so the sheet runs to as many pages as it needs. The chart
 * stands beside the tables and is left out of the print area.
 */
function printSetup(sheet: Excel.Worksheet, layout: SummaryLayout, lang: Lang): void {
  const page = sheet.pageLayout;
  page.orientation = "Portrait";
  page.paperSize = "A4";
  page.zoom = { horizontalFitToPages: 1 };
  page.centerHorizontally = true;
  page.setPrintArea(rangeA1(layout.print.area));
  page.setPrintTitleRows(`$${layout.print.titleRow + 1}:$${layout.print.titleRow + 1}`);
  const footer = page.headersFooters.defaultForAllPages;
  footer.leftFooter = "&A";
  footer.rightFooter = lang === "zh" ? "第 &P 页 / 共 &N 页" : "Page &P of &N";
}

function border(range: Excel.Range): void {
  const edges = [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideHorizontal",
    "InsideVertical",
  ] as const;
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.color = "#BFBFBF";
  }
}

function chart(sheet: Excel.Worksheet, spec: NonNullable<SummaryLayout["chart"]>): void {
  const c = sheet.charts.add("BarClustered", sheet.getRange(rangeA1(spec.values)), "Columns");
  const series = c.series.getItemAt(0);
  series.setXAxisValues(sheet.getRange(rangeA1(spec.labels)));
  series.name = spec.series;
  c.title.text = spec.title;
  c.legend.visible = false;
  c.setPosition(corner(spec.anchor, "start"), corner(spec.anchor, "end"));
}

function corner(r: RangePos, which: "start" | "end"): string {
  return a1(r[which].row, r[which].col);
}
