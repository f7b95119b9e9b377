/**
 * The 汇总-合规 sheet in WPS 表格: the Excel host's layout (excel/summary-layout.ts: project
 * facts, budget, KPIs, findings linking to their cells) written through the ET object model.
 *
 * The same rules as the Excel add-in: only a sheet whose name starts with 汇总 and that this
 * add-in recorded as its own (state.ts) is ever rewritten; a sheet of the user's holding the
 * name makes ours "汇总-合规 2"; a protected workbook structure is refused before anything is
 * written. Our old sheet is cleared and rewritten rather than deleted: Worksheet.Delete asks the
 * user to confirm unless alerts are turned off
 * (https://learn.microsoft.com/office/vba/api/excel.worksheet.delete), and we do not turn them off.
 *
 * What the Excel add-in adds and this sheet lacks: the attainment chart and the A4 page set-up
 * (WPS's defaults apply).
 *
 * Text cells are formatted "@" before their values go in: a string assigned to a cell is read
 * as if typed (a leading "=" makes a formula, "1/2" a date) unless the cell is text.
 */
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import type { ProjectSummary } from "../../engine/summary/model";
import { a1, rangeA1 } from "../../engine/util/address";
import { qualified } from "../excel/address";
import { MARK_COLORS } from "../excel/marks-plan";
import { freeSheetName } from "../excel/summary-sheet";
import {
  FORMATS,
  layoutSummary,
  safeText,
  type CellStyle,
  type LayoutCell,
  type SummaryLayout,
} from "../excel/summary-layout";
import type { Worksheet } from "./et";
import {
  activeWorkbook,
  explained,
  STRUCTURE_PROTECTED,
  truthy,
  WpsHostError,
  type WpsHost,
} from "./host";
import { worksheets } from "./read";
import { readState, writeState } from "./state";
import { bgr } from "./values";

const FILLS: Partial<Record<CellStyle, string>> = {
  header: "#DDEBF7",
  ok: "#C6EFCE",
  attention: "#FFEB9C",
  fail: "#FFC7CE",
  ...MARK_COLORS,
};

const SUMMARY_PROTECTED = {
  zh: "“汇总-合规”工作表受保护，不能重写。请先撤销该工作表的保护再生成汇总。",
  en: "The 汇总-合规 sheet is protected and cannot be rewritten. Unprotect it, then write the summary again.",
};

/** Writes the sheet and returns its name. */
export function writeSummarySheet(
  host: WpsHost,
  summary: ProjectSummary,
  lang: Lang = "zh"
): string {
  const layout = layoutSummary(summary, lang);
  try {
    const workbook = activeWorkbook(host);
    if (truthy(workbook.ProtectStructure)) throw new WpsHostError(STRUCTURE_PROTECTED, "Structure");
    const state = readState(workbook);
    const all = worksheets(workbook);
    const ours = all.find(
      (s) => String(s.Name) === state.summarySheet && String(s.Name).startsWith(SUMMARY_PREFIX)
    );
    let sheet: Worksheet;
    if (ours) {
      if (truthy(ours.ProtectContents)) throw new WpsHostError(SUMMARY_PROTECTED, "Protected");
      ours.Cells.UnMerge();
      ours.Cells.Clear();
      sheet = ours;
    } else {
      const taken = new Set(all.map((s) => String(s.Name).toLowerCase()));
      // An optional argument left out is passed as undefined, as Kingsoft's JS macros do
      // (Application.InputBox('…', '…', undefined, …, 8) in WPS JSA examples).
      sheet = workbook.Worksheets.Add(undefined, all[all.length - 1]);
      sheet.Name = freeSheetName(taken);
    }
    write(sheet, layout);
    sheet.Activate();
    writeState(workbook, { ...state, summarySheet: String(sheet.Name) });
    return String(sheet.Name);
  } catch (e) {
    throw explained(e);
  }
}

function input(cell: LayoutCell | undefined): string | number {
  if (!cell || cell.v === null) return "";
  return typeof cell.v === "string" ? safeText(cell.v) : cell.v;
}

/** Runs of equal keys along a row: one call per run instead of one per cell. */
function runs<T>(
  row: readonly T[],
  key: (v: T) => string | null
): { from: number; to: number; key: string }[] {
  const out: { from: number; to: number; key: string }[] = [];
  row.forEach((v, c) => {
    const k = key(v);
    const last = out[out.length - 1];
    if (k !== null && last && last.key === k && last.to === c - 1) last.to = c;
    else if (k !== null) out.push({ from: c, to: c, key: k });
  });
  return out;
}

function write(sheet: Worksheet, layout: SummaryLayout): void {
  const { rows, width } = layout;
  const pad = (r: LayoutCell[]) => Array.from({ length: width }, (_, c) => r[c]);
  const span = (r: number, from: number, to: number) => sheet.Range(`${a1(r, from)}:${a1(r, to)}`);
  // Formats first, per run of equal formats; then every value in one assignment.
  rows.forEach((row, r) => {
    for (const run of runs(pad(row), (c) => (c ? (c.fmt ?? FORMATS[c.kind]) : FORMATS.empty)))
      span(r, run.from, run.to).NumberFormat = run.key;
  });
  if (rows.length)
    sheet.Range(`A1:${a1(rows.length - 1, width - 1)}`).Value2 = rows.map((r) => pad(r).map(input));

  layout.widths.forEach((chars, col) => {
    // ColumnWidth counts characters of the default font, as the layout does.
    sheet.Range(`${a1(0, col)}`).ColumnWidth = chars;
  });
  rows.forEach((row, r) => {
    const first = row[0]?.style;
    if (first === "title" || first === "section") span(r, 0, 0).Font.Bold = true;
    for (const run of runs(pad(row), (c) =>
      c?.style === "header" || c?.style === "label" ? "b" : null
    ))
      span(r, run.from, run.to).Font.Bold = true;
    for (const run of runs(pad(row), (c) => (c?.style ? (FILLS[c.style] ?? null) : null)))
      span(r, run.from, run.to).Interior.Color = bgr(run.key);
  });
  for (const wrap of layout.wraps)
    if (wrap.end.row >= wrap.start.row) sheet.Range(rangeA1(wrap)).WrapText = true;
  for (const area of layout.merges) sheet.Range(rangeA1(area)).Merge();
  for (const [row, points] of layout.heights) sheet.Range(a1(row, 0)).RowHeight = points;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell.link) return;
      sheet.Hyperlinks.Add(
        sheet.Range(a1(r, c)),
        "",
        qualified(cell.link.sheet, cell.link.cell),
        cell.link.tip.slice(0, 250),
        String(cell.v ?? "")
      );
    })
  );
}
