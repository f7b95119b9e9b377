/**
 * One project's sheet of the summary workbook (汇总-<code>): facts, the budget per category
 * against its limit (a data bar of the spending's share of the limit), the KPIs against what
 * is due (a bar of their attainment) and the findings, the workbook's own and the
 * cross-project ones that name it. Seven columns that print one A4 landscape page across.
 */
import type ExcelJS from "exceljs";
import { clauseText, SEVERITY_LABELS, type Finding, type Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { whereText } from "../../engine/read/describe-needs";
import { statusLabel } from "../../engine/summary/overview";
import {
  budgetStanding,
  projectedSpending,
  STATUS_TEXT,
  type ProjectSummary,
  type Status,
} from "../../engine/summary/model";
import { formatSerial } from "../../engine/util/dates";
import { ACCEPTED, reviewLines } from "../../engine/reviews/text";
import { fitRowHeights, printSetup } from "./template/print";
import { dataBar, font, GREYED_FILL, solid, thinBorder } from "./template/styles";

export const FILL: Record<Status | "header", string> = {
  ok: "FFC6EFCE",
  attention: "FFFFEB9C",
  fail: "FFFFC7CE",
  header: "FFDDEBF7",
};
export const SEVERITY_FILL: Record<Severity, string> = {
  error: FILL.fail,
  warning: FILL.attention,
  info: "FFDDEBF7",
};
export const FORMATS = {
  money: "#,##0",
  percent: "0%",
  count: "0",
  date: "@",
  text: "@",
  status: "@",
} as const;

export function w(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

/** A header row: bold dark text on a real fill, wrapped, bordered. */
export function headerRow(ws: ExcelJS.Worksheet, values: string[]): ExcelJS.Row {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c) => {
    c.font = font({ bold: true });
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.fill = solid(FILL.header);
    c.border = thinBorder;
  });
  fitRowHeights(ws, row.number, row.number);
  return row;
}

/** Title (and subtitle) across `span` columns, wrapped: never cut at the page's edge. */
export function title(ws: ExcelJS.Worksheet, text: string, sub: string | undefined, span: number) {
  const lines: [string, Partial<ExcelJS.Font>][] = [[text, font({ bold: true, size: 14 })]];
  if (sub) lines.push([sub, font({ italic: true, color: { argb: "FF595959" } })]);
  for (const [value, font] of lines) {
    const row = ws.addRow([value]);
    ws.mergeCells(row.number, 1, row.number, span);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    fitRowHeights(ws, row.number, row.number);
  }
}

function statusText(status: Status, lang: Lang): string {
  return `${STATUS_TEXT[status].symbol} ${STATUS_TEXT[status][lang]}`;
}

function severityText(f: Pick<Finding, "severity" | "status" | "review">, lang: Lang): string {
  if (f.status === "not-checked") return w(lang, "未检查", "Not checked");
  if (f.status === "progress") return w(lang, "进度", "Progress");
  const accepted = f.review?.accepted ? `\n${ACCEPTED[lang]}` : "";
  return `${SEVERITY_LABELS[f.severity][lang]}${accepted}`;
}

/** A table row: bordered cells, each status cell filled with its colour. */
function tableRow(ws: ExcelJS.Worksheet, values: ExcelJS.CellValue[], status?: Status) {
  const row = ws.addRow(values);
  for (let c = 1; c <= values.length; c += 1) {
    row.getCell(c).border = thinBorder;
    row.getCell(c).alignment = { vertical: "top", wrapText: typeof values[c - 1] === "string" };
  }
  if (status) row.getCell(6).fill = solid(FILL[status]);
  return row;
}

/** Portrait: a project's findings run long, and a portrait page holds more of them. */
const COLUMNS = { zh: [24, 11, 12, 12, 11, 11, 30], en: [24, 11, 12, 12, 11, 17, 24] };
const MESSAGE = 5; // the findings' explanation spans E:G

export function addProject(wb: ExcelJS.Workbook, p: ProjectSummary, name: string, lang: Lang) {
  const ws = wb.addWorksheet(name);
  ws.columns = COLUMNS[lang].map((width) => ({ width }));
  const last = COLUMNS[lang].length;
  title(ws, `${p.facts.name ?? p.file}`, p.file, last);
  const crossNote =
    p.crossCounts.error + p.crossCounts.warning
      ? w(
          lang,
          `；跨项目：错误 ${p.crossCounts.error} · 警告 ${p.crossCounts.warning}`,
          `; cross-project: ${p.crossCounts.error} errors · ${p.crossCounts.warning} warnings`
        )
      : "";
  const facts: [string, string | number | null, Status?][] = [
    [w(lang, "项目编号", "Code"), p.facts.code],
    [w(lang, "承接机构", "Contractor"), p.facts.contractor],
    [w(lang, "统一社会信用代码", "USCC"), p.facts.uscc],
    [w(lang, "实施地点", "Township"), p.facts.township],
    [w(lang, "合同金额（元）", "Contract amount (yuan)"), p.facts.amount],
    [
      w(lang, "阶段", "Stage"),
      `${p.stage.kind === "final" ? w(lang, "末期", "final") : w(lang, "中期", "interim")} · ${w(lang, "截至", "as of")} ${formatSerial(p.stage.asOf)}`,
    ],
    [w(lang, "状态", "Status"), statusLabel(p, lang), p.supersededBy ? undefined : p.status],
    [
      w(lang, "问题", "Findings"),
      w(
        lang,
        `错误 ${p.counts.error} · 警告 ${p.counts.warning} · 提示 ${p.counts.info} · 未检查 ${p.counts.notChecked}${p.counts.accepted ? ` · 已认可 ${p.counts.accepted}` : ""}${crossNote}`,
        `${p.counts.error} errors · ${p.counts.warning} warnings · ${p.counts.info} info · ${p.counts.notChecked} not checked${p.counts.accepted ? ` · ${p.counts.accepted} accepted` : ""}${crossNote}`
      ),
    ],
  ];
  for (const [k, v, status] of facts) {
    const row = ws.addRow([k, v]);
    ws.mergeCells(row.number, 2, row.number, last);
    row.getCell(1).font = font({ bold: true });
    row.getCell(1).alignment = { vertical: "top" };
    const cell = row.getCell(2);
    cell.alignment = { wrapText: true, vertical: "top", horizontal: "left" };
    if (typeof v === "number") cell.numFmt = FORMATS.money;
    if (status) cell.fill = solid(FILL[status]);
    else if (p.supersededBy && k === w(lang, "状态", "Status")) cell.fill = solid(GREYED_FILL);
  }
  ws.addRow([]);
  ws.addRow([w(lang, "预算执行", "Budget")]).font = font({ bold: true, size: 12 });
  // Pace (review-cycle.md section 3) in the interim: where each cap and target is heading.
  const interim = p.stage.kind === "interim";
  headerRow(ws, [
    w(lang, "类别", "Category"),
    w(lang, "预算", "Plan"),
    w(lang, "实际支出", "Actual"),
    w(lang, "限额", "Limit"),
    w(lang, "余量", "Headroom"),
    w(lang, "状态", "Status"),
    ...(interim
      ? [w(lang, "按目前月均支出推算至期末（上限类）", "At the rate so far, by the end (caps)")]
      : []),
  ]);
  if (!p.budget)
    ws.addRow([
      w(
        lang,
        "预算或支出台账无法读取，见问题清单。",
        "Budget or ledger could not be read; see the findings."
      ),
    ]);
  for (const b of p.budget ?? []) {
    const { headroom, status } = budgetStanding(b, p.stage);
    const limitText = `${b.kind === "max" ? "≤" : "≥"} ${b.limit.toLocaleString("en-US")}`;
    const projected = interim ? projectedSpending(b, p.stage) : null;
    const row = tableRow(
      ws,
      [
        b.label[lang],
        b.planned,
        b.actual,
        limitText,
        headroom,
        statusText(status, lang),
        ...(interim ? [projected] : []),
      ],
      status
    );
    [2, 3, 5, 7].forEach((c) => (row.getCell(c).numFmt = FORMATS.money));
    if (projected !== null && projected > b.limit) row.getCell(7).fill = solid(FILL.attention);
    row.getCell(4).alignment = { horizontal: "right", vertical: "top" };
    dataBar(ws, row.getCell(3).address, b.limit);
  }
  ws.addRow([]);
  ws.addRow([w(lang, "绩效指标", "Performance targets")]).font = font({ bold: true, size: 12 });
  headerRow(ws, [
    w(lang, "指标", "Target"),
    w(lang, "目标", "Target"),
    w(lang, "实际", "Actual"),
    w(lang, "截至目前应达到", "Expected by now"),
    w(lang, "完成率", "Attained"),
    w(lang, "状态", "Status"),
    ...(interim ? [w(lang, "此后每月需完成", "Needed a month from now")] : []),
  ]);
  const kpiCells: string[] = [];
  for (const k of p.kpis) {
    const unit = k.unit[lang] ? w(lang, `（${k.unit[lang]}）`, ` (${k.unit[lang]})`) : "";
    const row = tableRow(
      ws,
      [
        `${k.label[lang]}${unit}`,
        k.target,
        k.actual,
        k.expected,
        k.attainment,
        statusText(k.status, lang),
        ...(interim ? [k.neededPerMonth] : []),
      ],
      k.status
    );
    if (interim) row.getCell(7).numFmt = FORMATS.money;
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    row.getCell(5).numFmt = FORMATS.percent;
    kpiCells.push(row.getCell(5).address);
  }
  dataBar(ws, kpiCells.join(" "), 1);
  if (!p.kpis.length)
    ws.addRow([w(lang, "没有可计算的绩效指标。", "No performance targets could be measured.")]);
  ws.addRow([]);
  ws.addRow([w(lang, "问题清单", "Findings")]).font = font({ bold: true, size: 12 });
  const header = headerRow(ws, [
    w(lang, "规则", "Rule"),
    w(lang, "严重程度", "Severity"),
    w(lang, "工作表", "Sheet"),
    w(lang, "单元格", "Cell"),
    w(lang, "说明", "Finding"),
    "",
    "",
  ]);
  ws.mergeCells(header.number, MESSAGE, header.number, last);
  // An accepted finding is green: still listed, no longer a problem.
  const findingRow = (values: string[], severity: Severity, accepted = false) => {
    const row = tableRow(ws, [...values.slice(0, 4), values[4], "", ""]);
    ws.mergeCells(row.number, MESSAGE, row.number, last);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(2).fill = solid(accepted ? FILL.ok : SEVERITY_FILL[severity]);
  };
  if (!p.findings.length && !p.cross.length)
    ws.addRow(["", "", "", "", w(lang, "未发现问题。", "No findings.")]);
  const rule = (f: Pick<Finding, "rule" | "title" | "clause">) =>
    [f.rule, ruleAbout(f, lang)].filter(Boolean).join("\n");
  for (const f of p.findings)
    findingRow(
      [
        rule(f),
        severityText(f, lang),
        f.sheet ?? "",
        f.cell ?? whereText(f.target, lang),
        explanation(f, lang),
      ],
      f.severity,
      f.review?.accepted
    );
  for (const f of p.cross) {
    const ref = f.refs.find((r) => r.file === p.file);
    findingRow(
      [
        rule(f),
        `${SEVERITY_LABELS[f.severity][lang]}\n${w(lang, "（跨项目）", "(cross-project)")}`,
        ref?.sheet ?? "",
        ref?.cell ?? "",
        explanation(f, lang),
      ],
      f.severity
    );
  }
  fitRowHeights(ws);
  printSetup(ws, { orientation: "portrait", titleRows: `${header.number}:${header.number}`, lang });
}

/** The message, then how to fix it when the rule says, then its explanation and decision. */
export function explanation(
  f: Pick<Finding, "message" | "fix" | "review" | "earlierReview">,
  lang: Lang
): string {
  const lines = [f.message[lang]];
  if (f.fix) lines.push(`${w(lang, "处理：", "Fix: ")}${f.fix[lang]}`);
  lines.push(...reviewLines(f, lang));
  return lines.join("\n");
}

/** The rule's name and the plan's clause it comes from, as people read them. */
export function ruleAbout(f: Pick<Finding, "title" | "clause">, lang: Lang): string {
  return [f.title?.[lang], f.clause ? clauseText(f.clause, lang) : ""].filter(Boolean).join("\n");
}
