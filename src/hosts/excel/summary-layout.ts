/**
 * The 汇总-合规 sheet as a grid, before any Excel call: project facts, the budget per category
 * against its limit, the KPIs against what is due, and the findings with the place of each.
 * Kept apart from the writer so the layout can be tested without a workbook.
 */
import { whereText } from "../../engine/read/describe-needs";
import { clauseText, SEVERITY_LABELS, type Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import {
  budgetStanding,
  STATUS_TEXT,
  type ProjectSummary,
  type Status,
} from "../../engine/summary/model";
import { statusLabel } from "../../engine/summary/overview";
import { formatSerial } from "../../engine/util/dates";
import type { RangePos } from "../../engine/util/address";
import { lineHeight, wrappedLines } from "../xlsx/template/print";

export type CellKind = "text" | "money" | "percent" | "count" | "empty";

export type CellStyle = "title" | "subtitle" | "section" | "header" | "label" | Status | Severity;

export interface LayoutCell {
  v: string | number | null;
  kind: CellKind;
  style?: CellStyle;
  /** Number format instead of the kind's (the limit column: "≤ "#,##0). */
  fmt?: string;
  /** The cell links to this place in the workbook. */
  link?: { sheet: string; cell: string; tip: string };
}

export interface SummaryLayout {
  rows: LayoutCell[][];
  width: number;
  /** Tables to draw borders around. */
  tables: RangePos[];
  /** Cells whose text wraps (the findings' rules and explanations). */
  wraps: RangePos[];
  /** Areas merged into one cell: each finding's explanation spans E:G, as its header does. */
  merges: RangePos[];
  /** Row heights in points for rows whose wrapped text needs more than one line (Excel does not autofit merged cells). */
  heights: Map<number, number>;
  /** Column widths in characters. */
  widths: number[];
  /** A4 portrait, one page wide, the findings' header repeated; the tables only (not the chart). */
  print: { titleRow: number; area: RangePos };
  chart: {
    labels: RangePos;
    values: RangePos;
    title: string;
    series: string;
    anchor: RangePos;
  } | null;
}

export const FORMATS: Record<CellKind, string> = {
  text: "@",
  money: "#,##0.00",
  percent: "0%",
  count: "0",
  empty: "General",
};

const WIDTH = 7;
const WIDTHS = [22, 12, 13, 13, 11, 11, 30];
/** The explanation of a finding spans columns E:G. */
const MESSAGE = 4;
/** The writer makes a column 7 points a character: in Calibri's digit widths (5.25 points), 4/3 of one. */
const UNITS_PER_CHAR = 7 / 5.25;

const w = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
const text = (v: string | null | undefined, style?: CellStyle): LayoutCell =>
  v === null || v === undefined || v === ""
    ? { v: null, kind: "empty", style }
    : { v, kind: "text", style };
const num = (v: number | null, kind: CellKind = "money"): LayoutCell =>
  v === null ? { v: null, kind: "empty" } : { v, kind };

function statusCell(status: Status, lang: Lang): LayoutCell {
  const s = STATUS_TEXT[status];
  return { v: `${s.symbol} ${s[lang]}`, kind: "text", style: status };
}

function range(r0: number, c0: number, r1: number, c1: number): RangePos {
  return { start: { row: r0, col: c0 }, end: { row: r1, col: c1 } };
}

export function layoutSummary(p: ProjectSummary, lang: Lang): SummaryLayout {
  const rows: LayoutCell[][] = [];
  const tables: RangePos[] = [];
  const add = (...cells: LayoutCell[]) => rows.push(cells);
  const blank = () => rows.push([]);
  const header = (...labels: string[]) => add(...labels.map((l) => text(l, "header")));

  add(text(p.facts.name ?? p.file, "title"));
  const stage = p.stage.kind === "final" ? w(lang, "末期", "final") : w(lang, "中期", "interim");
  add(
    text(
      `${p.file} · ${stage} · ${w(lang, "截至", "as of")} ${formatSerial(p.stage.asOf)}`,
      "subtitle"
    )
  );
  blank();
  const facts: [string, LayoutCell][] = [
    [w(lang, "项目编号", "Code"), text(p.facts.code)],
    [w(lang, "项目名称", "Project"), text(p.facts.name)],
    [w(lang, "承接机构", "Contractor"), text(p.facts.contractor)],
    [w(lang, "统一社会信用代码", "USCC"), text(p.facts.uscc)],
    [w(lang, "实施地点", "Township"), text(p.facts.township)],
    [w(lang, "合同金额（元）", "Contract amount (yuan)"), num(p.facts.amount)],
    [
      w(lang, "状态", "Status"),
      { ...text(statusLabel(p, lang)), style: p.supersededBy ? undefined : p.status },
    ],
    [
      w(lang, "问题", "Findings"),
      text(
        w(
          lang,
          `错误 ${p.counts.error} · 警告 ${p.counts.warning} · 提示 ${p.counts.info} · 未检查 ${p.counts.notChecked}${p.counts.accepted ? ` · 已认可 ${p.counts.accepted}` : ""}`,
          `${p.counts.error} errors · ${p.counts.warning} warnings · ${p.counts.info} info · ${p.counts.notChecked} not checked${p.counts.accepted ? ` · ${p.counts.accepted} accepted` : ""}`
        )
      ),
    ],
  ];
  for (const [label, cell] of facts) add(text(label, "label"), cell);
  blank();

  add(text(w(lang, "预算执行", "Budget"), "section"));
  const budgetTop = rows.length;
  header(
    w(lang, "类别", "Category"),
    w(lang, "预算", "Plan"),
    w(lang, "实际支出", "Actual"),
    w(lang, "限额", "Limit"),
    w(lang, "余量", "Headroom"),
    w(lang, "状态", "Status")
  );
  if (!p.budget)
    add(
      text(
        w(
          lang,
          "预算或支出台账无法读取，见问题清单。",
          "Budget or ledger unreadable; see the findings."
        )
      )
    );
  for (const b of p.budget ?? []) {
    const { headroom, status } = budgetStanding(b, p.stage);
    add(
      text(b.label[lang]),
      num(b.planned),
      num(b.actual),
      { v: b.limit, kind: "money", fmt: b.kind === "max" ? '"≤ "#,##0.00' : '"≥ "#,##0.00' },
      num(headroom),
      statusCell(status, lang)
    );
  }
  tables.push(range(budgetTop, 0, rows.length - 1, 5));
  blank();

  add(text(w(lang, "绩效指标", "Performance targets"), "section"));
  const kpiTop = rows.length;
  header(
    w(lang, "指标", "Target"),
    w(lang, "目标", "Target"),
    w(lang, "实际", "Actual"),
    w(lang, "截至目前应达到", "Expected by now"),
    w(lang, "完成率", "Attained"),
    w(lang, "状态", "Status")
  );
  for (const k of p.kpis) {
    const unit = k.unit[lang] ? w(lang, `（${k.unit[lang]}）`, ` (${k.unit[lang]})`) : "";
    add(
      text(`${k.label[lang]}${unit}`),
      num(k.target, "count"),
      num(k.actual, "count"),
      num(k.expected, "count"),
      num(k.attainment, "percent"),
      statusCell(k.status, lang)
    );
  }
  if (!p.kpis.length)
    add(text(w(lang, "没有可计算的绩效指标。", "No performance targets could be measured.")));
  tables.push(range(kpiTop, 0, rows.length - 1, 5));
  const chart =
    p.kpis.length > 0
      ? {
          labels: range(kpiTop + 1, 0, kpiTop + p.kpis.length, 0),
          values: range(kpiTop + 1, 4, kpiTop + p.kpis.length, 4),
          title: w(lang, "绩效指标完成率", "KPI attainment"),
          series: w(lang, "完成率", "Attained"),
          anchor: range(budgetTop, WIDTH + 1, budgetTop + 18, WIDTH + 8),
        }
      : null;
  blank();

  add(text(w(lang, "问题清单", "Findings"), "section"));
  const findingsTop = rows.length;
  header(
    w(lang, "规则", "Rule"),
    w(lang, "严重程度", "Severity"),
    w(lang, "位置", "Where"),
    "",
    w(lang, "说明", "Finding"),
    "",
    ""
  );
  if (!p.findings.length)
    add(text(""), text(""), text(""), text(""), text(w(lang, "未发现问题。", "No findings.")));
  for (const f of p.findings) {
    const where =
      f.sheet && f.cell ? `${f.sheet}!${f.cell}` : whereText(f.target, lang) || (f.sheet ?? "");
    const severity =
      f.status === "not-checked"
        ? w(lang, "未检查", "not checked")
        : SEVERITY_LABELS[f.severity][lang];
    const place: LayoutCell = text(where);
    if (f.sheet && f.cell) place.link = { sheet: f.sheet, cell: f.cell, tip: f.message[lang] };
    const about = [f.title?.[lang], f.clause ? clauseText(f.clause, lang) : ""].filter(Boolean);
    const message = f.fix
      ? `${f.message[lang]}\n${w(lang, "处理：", "Fix: ")}${f.fix[lang]}`
      : f.message[lang];
    add(
      text([f.rule, ...about].join("\n")),
      { ...text(severity), style: f.severity },
      place,
      num(null),
      text(message)
    );
  }
  const last = rows.length - 1;
  tables.push(range(findingsTop, 0, last, WIDTH - 1));
  const wraps = [
    range(findingsTop + 1, 0, last, 0),
    range(findingsTop + 1, MESSAGE, last, MESSAGE),
  ];
  // The location spans C:D, the explanation E:G, in the header and in every finding.
  const merges: RangePos[] = [];
  for (let r = findingsTop; r <= last; r += 1)
    merges.push(range(r, 2, r, 3), range(r, MESSAGE, r, WIDTH - 1));

  for (const row of rows) while (row.length < WIDTH) row.push({ v: null, kind: "empty" });
  const heights = new Map<number, number>();
  for (let r = findingsTop + 1; r <= last; r += 1) {
    const lines = Math.max(
      linesOf(rows[r][0], WIDTHS[0]),
      linesOf(
        rows[r][MESSAGE],
        WIDTHS.slice(MESSAGE).reduce((a, b) => a + b, 0)
      )
    );
    if (lines > 1) heights.set(r, Math.min(409, lines * lineHeight() + 4));
  }
  return {
    rows,
    width: WIDTH,
    tables,
    wraps,
    merges,
    heights,
    widths: WIDTHS,
    chart,
    print: { titleRow: findingsTop, area: range(0, 0, last, WIDTH - 1) },
  };
}

function linesOf(cell: LayoutCell, chars: number): number {
  return typeof cell.v === "string" ? wrappedLines(cell.v, chars * UNITS_PER_CHAR) : 1;
}

/**
 * Text as it must be written so Excel keeps it text: a leading apostrophe before =, +, - or @
 * (which Excel would take for a formula), and the text number format on every text cell.
 */
export function safeText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}
