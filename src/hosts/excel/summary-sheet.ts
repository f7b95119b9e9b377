/**
 * The 汇总-合规 sheet in the open workbook: one project's facts, budget, KPIs (with a chart of
 * their attainment) and findings linking to their cells, set up to print on A4 where Excel
 * allows it (ExcelApi 1.9). The sheet's id is kept in the document (doc-state.ts, readable by
 * every add-in Id; older versions kept it in workbook.settings, still read): a rebuild replaces
 * that sheet only. A sheet the user made (or renamed away from 汇总-…) is never touched; when it
 * holds the name, the summary takes "汇总-合规 2", … .
 */
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import type { ProjectSummary } from "../../engine/summary/model";
import { a1, columnLetters, rangeA1, type RangePos } from "../../engine/util/address";
import { qualified } from "./address";
import { StateStore } from "./doc-state";
import { ExcelHostError, explained } from "./errors";
import { API, excelRun, supports, type ExcelHost } from "./host";
import { ACTION_BYTES, jsonBytes, PATH_BYTES, sendInChunks } from "./payload";
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
/** workbook.settings key where older versions kept the id of the sheet we made. */
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

/** Rows of values and formats per write: a row of the summary is at most some 2 KB of text. */
const ROWS_PER_BLOCK = 200;

const STRUCTURE_PROTECTED = {
  zh: "工作簿的结构受保护，不能新增“汇总-合规”工作表。请先撤销保护（审阅 > 保护工作簿），或只在任务窗格中查看汇总。",
  en: "The workbook's structure is protected, so the 汇总-合规 sheet cannot be added. Unprotect it (Review > Protect Workbook), or read the summary in the pane.",
};

/**
 * Writes the sheet and returns the name it got; rejects (bilingual) without ExcelApi 1.7, and
 * when the workbook's structure is protected (no sheet can be added: checked first, so nothing
 * is half-written). Round trips: what is there; our part's XML; the old sheet replaced by a new
 * one; then the content, packed by bytes (about 1 KB per finding) into as few requests as
 * Excel on the web's 5 MB allows, the sheet's id recorded with the last.
 */
export async function writeSummarySheet(
  host: ExcelHost,
  summary: ProjectSummary,
  lang: Lang = "zh"
): Promise<string> {
  if (!supports(host, API.hyperlinks) || !supports(host, API.settings))
    throw new ExcelHostError({
      zh: `此版本的 Excel 不能生成汇总工作表（需要 ExcelApi ${API.hyperlinks}）。`,
      en: `This version of Excel cannot write the summary sheet (ExcelApi ${API.hyperlinks} is needed).`,
    });
  const layout = layoutSummary(summary, lang);
  try {
    return await excelRun(host, async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name,items/id,items/position");
      const protection = workbook.protection.load("protected");
      const store = StateStore.begin(context);
      const setting = workbook.settings.getItemOrNullObject(SUMMARY_KEY).load("value");
      await context.sync();
      if (protection.protected) throw new ExcelHostError(STRUCTURE_PROTECTED);

      store.fetch(context);
      await context.sync();
      const state = store.read();

      const ourId = state.summarySheet ?? (setting.isNullObject ? null : String(setting.value));
      const ours = sheets.items.find((s) => s.id === ourId && s.name.startsWith(SUMMARY_PREFIX));
      const taken = new Set(
        sheets.items.filter((s) => s !== ours).map((s) => s.name.toLowerCase())
      );
      const name = freeSheetName(taken);
      if (ours) workbook.worksheets.getItem(ours.id).delete();
      const sheet = workbook.worksheets.add(name);
      if (ours) sheet.position = ours.position;
      sheet.load("id");
      await context.sync();

      const ops = writeOps(layout, lang, supports(host, PAGE_LAYOUT));
      const next = { ...state, summarySheet: sheet.id };
      ops.push({
        bytes: StateStore.writeBytes(next) + PATH_BYTES + ACTION_BYTES,
        queue: (c) => {
          store.write(c, next);
          if (!setting.isNullObject) setting.delete();
        },
      });
      await sendInChunks(
        ops,
        (op) => op.bytes,
        async (piece) => {
          const target = context.workbook.worksheets.getItem(sheet.id);
          for (const op of piece) op.queue(context, target);
          await context.sync();
        }
      );
      return name;
    });
  } catch (e) {
    throw explained(e);
  }
}

function input(cell: LayoutCell): string | number {
  if (cell.v === null) return "";
  return typeof cell.v === "string" ? safeText(cell.v) : cell.v;
}

interface SheetOp {
  bytes: number;
  queue(context: Excel.RequestContext, sheet: Excel.Worksheet): void;
}

/** A range proxy and its format: the object paths one styled range costs. */
const RANGE = (address: string) => 3 * PATH_BYTES + jsonBytes(address);

/** The sheet's content as ordered writes, each with its estimated bytes. */
function writeOps(layout: SummaryLayout, lang: Lang, printable: boolean): SheetOp[] {
  const { rows, width } = layout;
  const ops: SheetOp[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_BLOCK) {
    const to = Math.min(rows.length, from + ROWS_PER_BLOCK);
    const block = rows.slice(from, to);
    const pad = (r: LayoutCell[]) => Array.from({ length: width }, (_, c) => r[c]);
    // Formats first: a text cell must be text before its value arrives.
    const formats = block.map((r) =>
      pad(r).map((c) => (c ? (c.fmt ?? FORMATS[c.kind]) : FORMATS.empty))
    );
    const values = block.map((r) => pad(r).map((c) => (c ? input(c) : "")));
    const address = `A${from + 1}:${a1(to - 1, width - 1)}`;
    ops.push({
      bytes: PATH_BYTES + 2 * ACTION_BYTES + jsonBytes(address, formats, values),
      queue: (_c, sheet) => {
        const range = sheet.getRange(address);
        range.numberFormat = formats;
        range.values = values;
      },
    });
  }

  layout.widths.forEach((chars, col) => {
    const letter = columnLetters(col);
    ops.push({
      bytes: RANGE(letter) + ACTION_BYTES,
      queue: (_c, sheet) => {
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
      },
    });
  });
  rows.forEach((row, r) => {
    const first = row[0]?.style;
    if (first === "title" || first === "section")
      ops.push({
        bytes: RANGE(a1(r, 0)) + PATH_BYTES + 2 * ACTION_BYTES,
        queue: (_c, sheet) => {
          const font = sheet.getRange(a1(r, 0)).format.font;
          font.bold = true;
          font.size = first === "title" ? 14 : 12;
        },
      });
    row.forEach((cell, c) => {
      const style = cell.style;
      if (!style) return;
      const bold = style === "header" || style === "label";
      const fill = FILLS[style];
      if (!bold && !fill) return;
      ops.push({
        bytes: RANGE(a1(r, c)) + 2 * PATH_BYTES + 2 * ACTION_BYTES + jsonBytes(fill ?? ""),
        queue: (_c, sheet) => {
          const range = sheet.getRange(a1(r, c));
          if (bold) range.format.font.bold = true;
          if (fill) range.format.fill.color = fill;
        },
      });
    });
  });
  for (const table of layout.tables)
    ops.push({
      bytes: RANGE(rangeA1(table)) + 6 * (2 * PATH_BYTES + 2 * ACTION_BYTES + 40),
      queue: (_c, sheet) => border(sheet.getRange(rangeA1(table))),
    });
  for (const wrap of layout.wraps)
    if (wrap.end.row >= wrap.start.row)
      ops.push({
        bytes: RANGE(rangeA1(wrap)) + 2 * ACTION_BYTES,
        queue: (_c, sheet) => {
          const format = sheet.getRange(rangeA1(wrap)).format;
          format.wrapText = true;
          format.verticalAlignment = "Top";
        },
      });
  for (const area of layout.merges)
    ops.push({
      bytes: PATH_BYTES + ACTION_BYTES + jsonBytes(rangeA1(area)),
      queue: (_c, sheet) => sheet.getRange(rangeA1(area)).merge(false),
    });
  for (const [row, points] of layout.heights)
    ops.push({
      bytes: RANGE(`${row + 1}:${row + 1}`) + ACTION_BYTES,
      queue: (_c, sheet) => {
        sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = points;
      },
    });
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.link) return;
      const link = {
        documentReference: qualified(cell.link.sheet, cell.link.cell),
        textToDisplay: String(cell.v ?? ""),
        screenTip: cell.link.tip.slice(0, 250),
      };
      ops.push({
        bytes: PATH_BYTES + ACTION_BYTES + jsonBytes(a1(r, c), link),
        queue: (_c, sheet) => {
          sheet.getRange(a1(r, c)).hyperlink = link;
        },
      });
    })
  );
  const chartSpec = layout.chart;
  if (chartSpec)
    ops.push({
      bytes: 12 * PATH_BYTES + 8 * ACTION_BYTES,
      queue: (_c, sheet) => chart(sheet, chartSpec),
    });
  if (printable)
    ops.push({
      bytes: 6 * PATH_BYTES + 10 * ACTION_BYTES,
      queue: (_c, sheet) => printSetup(sheet, layout, lang),
    });
  ops.push({ bytes: PATH_BYTES + ACTION_BYTES, queue: (_c, sheet) => sheet.activate() });
  return ops;
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
