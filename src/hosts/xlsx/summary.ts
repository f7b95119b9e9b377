/**
 * The bureau's summary workbook (fucai summary -o out.xlsx): 汇总-县级 (one row per project,
 * program totals), 汇总-交叉检查 (cross-project findings), 汇总-变更 (a project's last two
 * submissions compared, when a project was submitted more than once), 汇总-<code> per project (budget,
 * KPIs, findings) and 读取失败 (files that could not be read). Laid out to be printed and
 * filed: A4 landscape one page wide, header rows repeated, wrapped text in rows tall enough
 * for it, real cell fills, spending and KPI attainment drawn as data bars, superseded
 * submissions greyed. Text from submitted workbooks is always written as text, never as a
 * formula.
 */
import ExcelJS from "exceljs";
import { SEVERITY_LABELS } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import { columnLetters } from "../../engine/util/address";
import { formatSerial } from "../../engine/util/dates";
import { overviewCell, overviewColumns, type OverviewColumn } from "../../engine/summary/overview";
import {
  budgetStanding,
  projectKey,
  type ProjectSummary,
  type SummaryModel,
} from "../../engine/summary/model";
import { withCachedValues } from "./template/cached";
import { fitRowHeights, printSetup, textWidth } from "./template/print";
import { dataBar, font, GREYED_FILL, GREYED_FONT, solid, thinBorder } from "./template/styles";
import {
  addProject,
  explanation,
  FILL,
  FORMATS,
  headerRow,
  ruleAbout,
  SEVERITY_FILL,
  title,
  w,
} from "./summary-project";

import { addReviews } from "./summary-reviews";
import { addChanges } from "./summary-changes";
import {
  CHANGES_SHEET,
  CROSS_SHEET,
  OVERVIEW_SHEET,
  REVIEWS_SUMMARY_SHEET,
  UNREADABLE_SHEET,
} from "./summary-names";
export { CROSS_SHEET, OVERVIEW_SHEET, REVIEWS_SUMMARY_SHEET, UNREADABLE_SHEET };

/** The overview's printed columns: budget plans and limits are on each project's sheet. */
interface Printed extends OverviewColumn {
  /** The header row above the column's own, shared with its neighbours. */
  group?: string;
  /** Data bar from 0 to this figure (a category's limit, 100 %). */
  bar?: number;
}

const WIDTHS: Record<string, number> = {
  no: 4.5,
  code: 15.5,
  name: 16,
  contractor: 13,
  township: 9.5,
  stage: 11,
  amount: 9.5,
  spent: 10,
  errors: 4.5,
  warnings: 4.5,
  accepted: 7.5,
  cross: 7.5,
};
/** English words do not break where Chinese does: wider where a header is one long word. */
const WIDTHS_EN: Record<string, number> = {
  township: 10,
  errors: 7,
  warnings: 9,
  accepted: 9,
  cross: 8,
};

function printedColumns(model: SummaryModel, lang: Lang): Printed[] {
  const limits = new Map<string, { limit: number; kind: "max" | "min"; label: string }>();
  for (const p of model.projects)
    for (const b of p.budget ?? [])
      if (!limits.has(b.category))
        limits.set(b.category, { limit: b.limit, kind: b.kind, label: b.label[lang] });
  const spentGroup = w(
    lang,
    "支出（元）：条形为占限额的比例",
    "Spent (yuan); bar: share of the limit"
  );
  const kpiGroup = w(lang, "绩效指标完成率（满格为 100%）", "KPI attainment (full bar: 100%)");
  const countGroup = w(lang, "问题数", "Findings");
  const projectedGroup = w(lang, "按月均推算期末支出（元）", "Projected by the end (yuan)");
  const out: Printed[] = [];
  for (const c of overviewColumns(model, lang)) {
    const [group, sub] = c.key.split(":");
    if (sub === "planned" || sub === "limit" || c.key === "asOf") continue;
    // Each target's monthly rate needed is on the project's own sheet: the page is full.
    if (group === "need") continue;
    const col: Printed = {
      ...c,
      width: (lang === "en" ? WIDTHS_EN[c.key] : undefined) ?? WIDTHS[c.key] ?? c.width,
    };
    if (c.key === "stage") col.header = w(lang, "阶段\n截至", "Stage\nas of");
    if (sub === "actual") {
      const l = limits.get(group);
      col.group = spentGroup;
      col.width = 10;
      if (l) {
        col.header = `${l.label}\n${l.kind === "max" ? "≤" : "≥"}${l.limit.toLocaleString("en-US")}`;
        col.bar = l.limit;
      }
    }
    if (group === "projected") {
      col.group = projectedGroup;
      col.header = c.header.replace(/ ?(预计期末|projected)$/, "");
      col.width = 9.5;
    }
    if (c.key === "spent") {
      col.group = spentGroup;
      col.header = w(lang, "合计\n≤ 合同金额", "Total\n≤ contract");
    }
    if (group === "kpi") {
      col.group = kpiGroup;
      col.header = c.header.replace(/ ?(完成率|attained)$/, "");
      col.width = 6.5;
      col.bar = 1;
    }
    if (["errors", "warnings", "accepted", "cross"].includes(c.key)) {
      col.group = countGroup;
      if (c.key === "cross") col.header = w(lang, "跨项目", "Cross-project");
    }
    if (c.kind === "status") col.width = lang === "zh" ? 9.5 : 12;
    out.push(col);
  }
  return out;
}

function cellValue(p: ProjectSummary, i: number, c: Printed, lang: Lang) {
  if (c.key === "stage") return `${overviewCell(p, i, c, lang)}\n${formatSerial(p.stage.asOf)}`;
  return overviewCell(p, i, c, lang);
}

/** Two header rows: groups above, each column's own label below (or one cell over both). */
function overviewHeader(ws: ExcelJS.Worksheet, cols: Printed[], lang: Lang): number {
  const top = ws.rowCount + 1;
  const rotate = lang === "en";
  cols.forEach((c, i) => {
    const col = i + 1;
    if (!c.group) ws.mergeCells(top, col, top + 1, col);
    else if (cols[i - 1]?.group !== c.group) {
      let end = i;
      while (cols[end + 1]?.group === c.group) end += 1;
      if (end > i) ws.mergeCells(top, col, top, end + 1);
      ws.getCell(top, col).value = c.group;
    }
    ws.getCell(c.group ? top + 1 : top, col).value = c.header;
  });
  for (const r of [top, top + 1]) {
    cols.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.font = font({ bold: true });
      cell.fill = solid(FILL.header);
      cell.border = thinBorder;
      const turned = rotate && r === top + 1 && c.group && c.bar === 1;
      cell.alignment = turned
        ? { textRotation: 90, vertical: "bottom", horizontal: "center" }
        : { wrapText: true, vertical: "middle", horizontal: "center" };
    });
  }
  fitRowHeights(ws, top, top + 1);
  // English KPI names run upwards on one line each: the row is as tall as the longest.
  if (rotate) {
    const longest = Math.max(0, ...cols.filter((c) => c.bar === 1).map((c) => textWidth(c.header)));
    const row = ws.getRow(top + 1);
    row.height = Math.max(row.height ?? 15, Math.ceil(longest * 6 + 10));
  }
  return top + 1;
}

function addOverview(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang) {
  const ws = wb.addWorksheet(OVERVIEW_SHEET, { properties: { tabColor: { argb: "FF1F4E79" } } });
  const cols = printedColumns(model, lang);
  ws.columns = cols.map((c) => ({ width: c.width }));
  title(
    ws,
    w(lang, `${model.ruleset.title.zh} 汇总`, `${model.ruleset.title.en}: summary`),
    `${w(lang, "规则集", "Rule set")} ${model.ruleset.id}`,
    cols.length
  );
  const header = overviewHeader(ws, cols, lang);
  const first = header + 1;
  const bars = new Map<number, string[]>();
  model.projects.forEach((p, i) => {
    const row = ws.addRow(cols.map((c) => cellValue(p, i, c, lang)));
    row.alignment = { vertical: "top", wrapText: true };
    const greyed = Boolean(p.supersededBy);
    cols.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.numFmt = FORMATS[c.kind];
      cell.border = thinBorder;
      if (c.kind !== "text" && c.kind !== "status")
        cell.alignment = { vertical: "top", horizontal: "right" };
      if (greyed) {
        cell.font = GREYED_FONT;
        cell.fill = solid(GREYED_FILL);
        return;
      }
      if (c.kind === "status") cell.fill = solid(FILL[p.status]);
      if (c.bar !== undefined && typeof cell.value === "number")
        bars.set(j, [...(bars.get(j) ?? []), cell.address]);
      const [group] = c.key.split(":");
      const k =
        group === "kpi" ? p.kpis.find((x) => `kpi:${x.rule}|${x.label.en}` === c.key) : null;
      if (k && k.status !== "ok") cell.fill = solid(FILL[k.status]);
      const line = p.budget?.find((b) => b.category === (c.key === "spent" ? "total" : group));
      // A projection over its cap: a matter for attention before it is an overrun.
      const capped = group === "projected" && p.budget?.find((b) => b.category === c.key.slice(10));
      if (capped && typeof cell.value === "number" && cell.value > capped.limit)
        cell.fill = solid(FILL.attention);
      if (line && (c.key.endsWith(":actual") || c.key === "spent")) {
        const { status } = budgetStanding(line, p.stage);
        if (status !== "ok") cell.fill = solid(FILL[status]);
        if (c.key === "spent") dataBar(ws, cell.address, line.limit);
      }
    });
  });
  for (const [j, cells] of bars) dataBar(ws, cells.join(" "), cols[j].bar!);
  const last = first + model.projects.length - 1;
  fitRowHeights(ws, first, last);
  if (model.projects.length) addTotals(ws, cols, first, last, lang);
  ws.addRow([]);
  addProgram(ws, model, lang);
  ws.views = [{ state: "frozen", ySplit: header, xSplit: 3 }];
  ws.autoFilter = { from: { row: header, column: 1 }, to: { row: header, column: cols.length } };
  printSetup(ws, { titleRows: `${header - 1}:${header}`, lang });
}

/** Program facts under the table: the fund against the contract amounts, projects per site. */
function addProgram(ws: ExcelJS.Worksheet, model: SummaryModel, lang: Lang) {
  const p = model.program;
  const facts: [string, string | number, boolean][] = [
    [w(lang, "项目资金总额（元）", "Program fund (yuan)"), p.fund, false],
    [
      w(lang, "合同金额合计（元）", "Contract amounts (yuan)"),
      p.totalAmount,
      p.totalAmount > p.fund,
    ],
    [w(lang, "支出合计（元）", "Spent (yuan)"), p.totalSpent, false],
    ...p.sites.map((s): [string, string, boolean] => [
      `${w(lang, "实施地点", "Site")} ${s.site}`,
      `${s.projects} / ${s.max}`,
      s.projects > s.max,
    ]),
  ];
  for (const [label, value, over] of facts) {
    const row = ws.addRow([label, "", "", value]);
    ws.mergeCells(row.number, 1, row.number, 3);
    row.getCell(1).font = font({ bold: true });
    const cell = row.getCell(4);
    cell.alignment = { horizontal: "right" };
    if (typeof value === "number") cell.numFmt = FORMATS.money;
    cell.fill = solid(over ? FILL.fail : FILL.ok);
    [1, 2, 3, 4].forEach((c) => (row.getCell(c).border = thinBorder));
  }
}

/** Totals of the counted projects: superseded submissions are left out by their status. */
function addTotals(
  ws: ExcelJS.Worksheet,
  cols: OverviewColumn[],
  first: number,
  last: number,
  lang: Lang
) {
  const statusCol = columnLetters(cols.findIndex((c) => c.kind === "status"));
  const superseded = w(lang, "已由较新报送替代", "Superseded");
  const row = ws.addRow(cols.map((c, i) => (i === 0 ? w(lang, "合计", "Total") : null)));
  ws.mergeCells(row.number, 1, row.number, 3);
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = thinBorder;
    cell.font = font({ bold: true });
    if (!c.sum) return;
    const col = columnLetters(i);
    cell.value = {
      formula: `SUMIFS(${col}${first}:${col}${last},${statusCol}${first}:${statusCol}${last},"<>${superseded}")`,
    } as ExcelJS.CellFormulaValue;
    cell.numFmt = FORMATS[c.kind];
  });
}

function addCross(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang) {
  const ws = wb.addWorksheet(CROSS_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  ws.columns = [15, 9, 16, 56, 50].map((width) => ({ width }));
  title(ws, w(lang, "跨项目检查", "Cross-project findings"), undefined, 5);
  const header = headerRow(ws, [
    w(lang, "规则", "Rule"),
    w(lang, "严重程度", "Severity"),
    w(lang, "名称与依据", "Rule name"),
    w(lang, "说明", "Finding"),
    w(lang, "涉及文件与位置", "Files and cells"),
  ]);
  if (!model.cross.length)
    ws.addRow(["", "", "", w(lang, "未发现跨项目问题。", "No cross-project findings.")]);
  for (const f of model.cross) {
    const row = ws.addRow([
      f.rule,
      SEVERITY_LABELS[f.severity][lang],
      ruleAbout(f, lang),
      explanation(f, lang),
      f.refs.map((r) => (r.sheet ? `${r.file} · ${r.sheet}!${r.cell ?? ""}` : r.file)).join("\n"),
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(2).fill = solid(SEVERITY_FILL[f.severity]);
    row.eachCell((c) => (c.border = thinBorder));
  }
  fitRowHeights(ws, header.number + 1);
  ws.views = [{ state: "frozen", ySplit: header.number }];
  printSetup(ws, { titleRows: `${header.number}:${header.number}`, lang });
}

function sheetNameFor(p: ProjectSummary, used: Set<string>): string {
  const base = `${SUMMARY_PREFIX}${projectKey(p)}`.slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

function addUnreadable(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang) {
  const ws = wb.addWorksheet(UNREADABLE_SHEET);
  ws.columns = [{ width: 40 }, { width: 55 }, { width: 55 }];
  title(ws, w(lang, "无法读取的文件", "Files that could not be read"), undefined, 3);
  const header = headerRow(ws, [
    w(lang, "文件", "File"),
    w(lang, "原因", "Reason"),
    lang === "zh" ? "English" : "中文",
  ]);
  if (!model.unreadable.length) ws.addRow([w(lang, "（无）", "(none)")]);
  for (const u of model.unreadable) {
    const row = ws.addRow([u.file, u.error[lang], u.error[lang === "zh" ? "en" : "zh"]]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.eachCell((c) => (c.border = thinBorder));
  }
  fitRowHeights(ws, header.number + 1);
  printSetup(ws, { titleRows: `${header.number}:${header.number}`, lang });
}

export async function writeSummaryWorkbook(
  model: SummaryModel,
  lang: Lang = "zh"
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fucai-compliance";
  addOverview(wb, model, lang);
  addCross(wb, model, lang);
  if (model.changes?.length) addChanges(wb, model.changes, lang);
  addReviews(wb, model, lang);
  const used = new Set<string>(
    [OVERVIEW_SHEET, CROSS_SHEET, CHANGES_SHEET, REVIEWS_SUMMARY_SHEET, UNREADABLE_SHEET].map((s) =>
      s.toLowerCase()
    )
  );
  for (const p of model.projects) addProject(wb, p, sheetNameFor(p, used), lang);
  addUnreadable(wb, model, lang);
  return withCachedValues(wb);
}
