/**
 * The bureau's summary workbook (fucai summary -o out.xlsx): 汇总-县级 (one row per project,
 * program totals), 汇总-交叉检查 (cross-project findings), 汇总-<code> per project (budget,
 * KPIs, findings) and 读取失败 (files that could not be read). Laid out to be printed and
 * filed: A4 landscape, repeated header rows, number and date formats, status by symbol and
 * colour. Text from submitted workbooks is always written as text, never as a formula.
 */
import { whereText } from "../../engine/read/describe-needs";
import ExcelJS from "exceljs";
import { SEVERITY_LABELS } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { SUMMARY_PREFIX } from "../../engine/contract/tables";
import { columnLetters } from "../../engine/util/address";
import { formatSerial } from "../../engine/util/dates";
import {
  overviewCell,
  overviewColumns,
  statusLabel,
  type OverviewColumn,
} from "../../engine/summary/overview";
import {
  budgetStanding,
  projectKey,
  STATUS_TEXT,
  type ProjectSummary,
  type Status,
  type SummaryModel,
} from "../../engine/summary/model";
import { withCachedValues } from "./template/cached";

export const OVERVIEW_SHEET = `${SUMMARY_PREFIX}县级`;
export const CROSS_SHEET = `${SUMMARY_PREFIX}交叉检查`;
export const UNREADABLE_SHEET = "读取失败";

const FILL: Record<Status | "header" | "superseded", string> = {
  ok: "FFC6EFCE",
  attention: "FFFFEB9C",
  fail: "FFFFC7CE",
  header: "FFDDEBF7",
  superseded: "FFEDEDED",
};
const SEVERITY_FILL = { error: FILL.fail, warning: FILL.attention, info: "FFDDEBF7" } as const;
const FORMATS = {
  money: "#,##0",
  percent: "0%",
  count: "0",
  date: "@",
  text: "@",
  status: "@",
} as const;
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function w(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function printSetup(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  pagesWide = 1,
  titleColumns?: string
) {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(titleColumns ? { printTitlesColumn: titleColumns } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&L&A&R&P / &N" };
}

function headerRow(ws: ExcelJS.Worksheet, values: string[]): ExcelJS.Row {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  row.eachCell((c) => {
    c.fill = fill(FILL.header);
    c.border = BORDER;
  });
  return row;
}

function title(ws: ExcelJS.Worksheet, text: string, sub?: string) {
  ws.addRow([text]).font = { bold: true, size: 14 };
  if (sub) ws.addRow([sub]).font = { italic: true, color: { argb: "FF595959" } };
}

function addOverview(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang) {
  const ws = wb.addWorksheet(OVERVIEW_SHEET, { properties: { tabColor: { argb: "FF1F4E79" } } });
  const cols = overviewColumns(model, lang);
  ws.columns = cols.map((c) => ({ width: c.width }));
  title(
    ws,
    w(lang, `${model.ruleset.title.zh} 汇总`, `${model.ruleset.title.en}: summary`),
    `${w(lang, "规则集", "Rule set")} ${model.ruleset.id}`
  );
  const header = headerRow(
    ws,
    cols.map((c) => c.header)
  );
  header.height = 42;
  const first = header.number + 1;
  model.projects.forEach((p, i) => {
    const row = ws.addRow(cols.map((c) => overviewCell(p, i, c, lang)));
    row.alignment = { vertical: "top", wrapText: true };
    cols.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.numFmt = FORMATS[c.kind];
      cell.border = BORDER;
      if (c.kind === "status") cell.fill = fill(p.supersededBy ? FILL.superseded : FILL[p.status]);
      if (c.kind === "percent" && typeof cell.value === "number") {
        const k = p.kpis.find((x) => `kpi:${x.rule}|${x.label.en}` === c.key);
        if (k) cell.fill = fill(FILL[k.status]);
      }
    });
  });
  const last = first + model.projects.length - 1;
  if (model.projects.length) addTotals(ws, cols, first, last, lang);
  ws.addRow([]);
  const p = model.program;
  const facts: [string, string | number][] = [
    [w(lang, "项目资金总额（元）", "Program fund (yuan)"), p.fund],
    [w(lang, "合同金额合计（元）", "Contract amounts (yuan)"), p.totalAmount],
    [w(lang, "支出合计（元）", "Spent (yuan)"), p.totalSpent],
    ...p.sites.map((s): [string, string] => [
      `${w(lang, "实施地点", "Site")} ${s.site}`,
      `${s.projects} / ${s.max}`,
    ]),
  ];
  for (const [k, v] of facts) {
    const row = ws.addRow([k, "", v]);
    row.getCell(1).font = { bold: true };
    if (typeof v === "number") row.getCell(3).numFmt = FORMATS.money;
    if (k.startsWith(w(lang, "合同金额合计", "Contract amounts")))
      row.getCell(3).fill = fill(p.totalAmount > p.fund ? FILL.fail : FILL.ok);
  }
  ws.views = [{ state: "frozen", ySplit: header.number, xSplit: 3 }];
  ws.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: cols.length },
  };
  // Too wide for one A4 page at a legible size: two pages across, code and name on each.
  printSetup(ws, header.number, 2, "B:C");
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
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    cell.font = { bold: true };
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
  ws.columns = [{ width: 14 }, { width: 10 }, { width: 70 }, { width: 40 }, { width: 22 }];
  title(ws, w(lang, "跨项目检查", "Cross-project findings"));
  const header = headerRow(ws, [
    w(lang, "规则", "Rule"),
    w(lang, "严重程度", "Severity"),
    w(lang, "说明", "Finding"),
    w(lang, "涉及文件", "Files"),
    w(lang, "位置", "Where"),
  ]);
  if (!model.cross.length)
    ws.addRow(["", "", w(lang, "未发现跨项目问题。", "No cross-project findings.")]);
  for (const f of model.cross) {
    const row = ws.addRow([
      f.rule,
      SEVERITY_LABELS[f.severity][lang],
      f.message[lang],
      f.refs.map((r) => r.file).join("\n"),
      f.refs.map((r) => (r.sheet ? `${r.sheet}!${r.cell ?? ""}` : "")).join("\n"),
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    // Wrapped cells do not grow by themselves in every program: size the row from its content.
    const lines = Math.max(
      f.refs.length * 2,
      Math.ceil(f.message[lang].length / (lang === "zh" ? 34 : 70))
    );
    row.height = 15 * Math.max(1, lines);
    row.getCell(2).fill = fill(SEVERITY_FILL[f.severity]);
    row.eachCell((c) => (c.border = BORDER));
  }
  ws.views = [{ state: "frozen", ySplit: header.number }];
  printSetup(ws, header.number);
}

function sheetNameFor(p: ProjectSummary, used: Set<string>): string {
  const base = `${SUMMARY_PREFIX}${projectKey(p)}`.slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

function addProject(wb: ExcelJS.Workbook, p: ProjectSummary, name: string, lang: Lang) {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { width: 22 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 60 },
  ];
  title(ws, `${p.facts.name ?? p.file}`, `${p.file}`);
  const facts: [string, string | number | null][] = [
    [w(lang, "项目编号", "Code"), p.facts.code],
    [w(lang, "承接机构", "Contractor"), p.facts.contractor],
    [w(lang, "统一社会信用代码", "USCC"), p.facts.uscc],
    [w(lang, "实施地点", "Township"), p.facts.township],
    [w(lang, "合同金额（元）", "Contract amount"), p.facts.amount],
    [
      w(lang, "阶段", "Stage"),
      `${p.stage.kind === "final" ? w(lang, "末期", "final") : w(lang, "中期", "interim")} · ${w(lang, "截至", "as of")} ${formatSerial(p.stage.asOf)}`,
    ],
    [w(lang, "状态", "Status"), statusLabel(p, lang)],
  ];
  for (const [k, v] of facts) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    if (typeof v === "number") row.getCell(2).numFmt = FORMATS.money;
  }
  ws.addRow([]);
  ws.addRow([w(lang, "预算执行", "Budget")]).font = { bold: true, size: 12 };
  headerRow(ws, [
    w(lang, "类别", "Category"),
    w(lang, "预算", "Plan"),
    w(lang, "实际", "Actual"),
    w(lang, "限额", "Limit"),
    w(lang, "余量", "Headroom"),
    w(lang, "状态", "Status"),
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
    const row = ws.addRow([
      b.label[lang],
      b.planned,
      b.actual,
      limitText,
      headroom,
      `${STATUS_TEXT[status].symbol} ${STATUS_TEXT[status][lang]}`,
    ]);
    [2, 3, 5].forEach((c) => (row.getCell(c).numFmt = FORMATS.money));
    row.getCell(6).fill = fill(FILL[status]);
    row.eachCell((c) => (c.border = BORDER));
  }
  ws.addRow([]);
  ws.addRow([w(lang, "绩效指标", "Performance targets")]).font = { bold: true, size: 12 };
  headerRow(ws, [
    w(lang, "指标", "Target"),
    w(lang, "目标", "Target"),
    w(lang, "实际", "Actual"),
    w(lang, "应达到", "Expected by now"),
    w(lang, "完成率", "Attained"),
    w(lang, "状态", "Status"),
  ]);
  for (const k of p.kpis) {
    const row = ws.addRow([
      `${k.label[lang]}${k.unit[lang] ? `（${k.unit[lang]}）` : ""}`,
      k.target,
      k.actual,
      k.expected,
      k.attainment,
      `${STATUS_TEXT[k.status].symbol} ${STATUS_TEXT[k.status][lang]}`,
    ]);
    row.getCell(5).numFmt = FORMATS.percent;
    row.getCell(6).fill = fill(FILL[k.status]);
    row.eachCell((c) => (c.border = BORDER));
  }
  ws.addRow([]);
  ws.addRow([w(lang, "问题清单", "Findings")]).font = { bold: true, size: 12 };
  const findingsHeader = headerRow(ws, [
    w(lang, "规则", "Rule"),
    w(lang, "严重程度", "Severity"),
    w(lang, "工作表", "Sheet"),
    w(lang, "单元格", "Cell"),
    "",
    "",
    w(lang, "说明", "Finding"),
  ]);
  if (!p.findings.length)
    ws.addRow(["", "", "", "", "", "", w(lang, "未发现问题。", "No findings.")]);
  for (const f of p.findings) {
    const row = ws.addRow([
      f.rule,
      f.status === "not-checked"
        ? w(lang, "未检查", "not checked")
        : SEVERITY_LABELS[f.severity][lang],
      f.sheet ?? "",
      f.cell ?? whereText(f.target, lang),
      "",
      "",
      f.message[lang],
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(2).fill = fill(SEVERITY_FILL[f.severity]);
  }
  printSetup(ws, findingsHeader.number);
}

function addUnreadable(wb: ExcelJS.Workbook, model: SummaryModel, lang: Lang) {
  const ws = wb.addWorksheet(UNREADABLE_SHEET);
  ws.columns = [{ width: 50 }, { width: 60 }, { width: 60 }];
  title(ws, w(lang, "无法读取的文件", "Files that could not be read"));
  const header = headerRow(ws, [
    w(lang, "文件", "File"),
    w(lang, "原因", "Reason"),
    lang === "zh" ? "English" : "中文",
  ]);
  if (!model.unreadable.length) ws.addRow([w(lang, "（无）", "(none)")]);
  for (const u of model.unreadable) {
    const row = ws.addRow([u.file, u.error[lang], u.error[lang === "zh" ? "en" : "zh"]]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  printSetup(ws, header.number);
}

export async function writeSummaryWorkbook(
  model: SummaryModel,
  lang: Lang = "zh"
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fucai-compliance";
  addOverview(wb, model, lang);
  addCross(wb, model, lang);
  const used = new Set<string>(
    [OVERVIEW_SHEET, CROSS_SHEET, UNREADABLE_SHEET].map((s) => s.toLowerCase())
  );
  for (const p of model.projects) addProject(wb, p, sheetNameFor(p, used), lang);
  addUnreadable(wb, model, lang);
  return withCachedValues(wb);
}
