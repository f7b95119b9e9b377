/**
 * The words of "与上次报送比较" (ComparePanel), Chinese first; kept apart from strings.ts so
 * the panel's many strings do not crowd the pane's. Wording follows `fucai diff` (cli/diff-output.ts).
 */
const zh = {
  title: "与上次报送比较",
  introExcel:
    "以当前打开的工作簿为本次报送，选择同一项目较早的一次报送文件，查看改动了哪些数据，特别是已报送期间被追溯修改的数据。",
  introPage:
    "以当前选中的工作簿为本次报送，选择同一项目较早的一次报送，查看改动了哪些数据，特别是已报送期间被追溯修改的数据。",
  pickFile: "选择较早的报送文件…",
  pickFileAgain: "选择其他文件…",
  pickLoaded: "或选择已添加的同一项目工作簿",
  pickLoadedNone: "（请选择）",
  close: "关闭比较",
  comparing: "正在比较…",
  openWorkbook: "当前工作簿",
  earlier: "较早报送",
  later: "较晚报送",
  side: (label: string, file: string, asOf: string) => `${label}：${file}（截至 ${asOf}）`,
  conclusion: (retro: number, added: number, removed: number, changed: number) =>
    retro
      ? `发现 ${retro} 处追溯修改：已报送期间的数据被改动，请核对。共新增 ${added} 行、删除 ${removed} 行、修改 ${changed} 行。`
      : added + removed + changed
        ? `未发现追溯修改。共新增 ${added} 行、删除 ${removed} 行、修改 ${changed} 行。`
        : "未发现追溯修改，两次报送的各表数据相同。",
  retroTitle: "追溯修改（已报送期间的数据被改动）",
  tablesTitle: "各表变化",
  tableColumns: ["工作表", "新增", "删除", "修改", "追溯修改"],
  missingIn: (sheet: string, side: string) => `「${sheet}」：${side}中找不到此表，未比较。`,
  rowsTitle: (sheet: string, n: number) => `${sheet}：变化 ${n} 行`,
  change: { added: "新增", removed: "删除", changed: "修改" },
  row: (n: number | null) => `第 ${n} 行`,
  earlierRow: (n: number | null) => `较早报送第 ${n} 行`,
  retroBadge: "追溯修改",
  more: (n: number) => `显示其余 ${n} 行`,
  infoTitle: (n: number) => `项目信息变化（${n}）`,
  kpiTitle: "绩效指标：较早 → 较晚",
  kpiColumns: ["指标", "较早", "较晚", "应达到"],
  budgetTitle: "预算与支出（元）",
  budgetColumns: ["类别", "支出·较早", "支出·较晚", "限额"],
  planned: (then: string) => `预算 ${then}`,
  checksTitle: (n: number, r: number, p: number) =>
    `问题对比：新出现 ${n} · 已解决 ${r} · 仍存在 ${p}`,
  checks: { new: "新出现", resolved: "已解决", persisting: "仍存在" },
  resolvedNote: "这些问题在较早的报送中，较晚的报送已没有。",
  goTo: "定位到此处",
  notHere:
    "所选的一份报告截止日期更晚，已作为较晚的一次报送来比较；变化的行在那份工作簿中，无法从这里定位。",
};

export type CompareStrings = typeof zh;

const rows = (n: number) => (n === 1 ? "1 row" : `${n} rows`);

const en: CompareStrings = {
  title: "Compare with an earlier submission",
  introExcel:
    "Takes the open workbook as this submission: choose the project's earlier submission file to see what changed, above all reported history changed afterwards.",
  introPage:
    "Takes the chosen workbook as this submission: choose the project's earlier submission to see what changed, above all reported history changed afterwards.",
  pickFile: "Choose the earlier file…",
  pickFileAgain: "Choose another file…",
  pickLoaded: "Or one of the workbooks added for this project",
  pickLoadedNone: "(choose)",
  close: "Close the comparison",
  comparing: "Comparing…",
  openWorkbook: "the open workbook",
  earlier: "Earlier submission",
  later: "Later submission",
  side: (label: string, file: string, asOf: string) => `${label}: ${file} (as of ${asOf})`,
  conclusion: (retro: number, added: number, removed: number, changed: number) =>
    retro
      ? `${retro === 1 ? "1 retroactive change" : `${retro} retroactive changes`}: reported history was changed; check ${retro === 1 ? "it" : "them"}. In all ${rows(added)} added, ${removed} removed, ${changed} changed.`
      : added + removed + changed
        ? `No retroactive changes. In all ${rows(added)} added, ${removed} removed, ${changed} changed.`
        : "No retroactive changes; every table holds the same data in both submissions.",
  retroTitle: "Retroactive changes (reported history changed)",
  tablesTitle: "Changes per table",
  tableColumns: ["Sheet", "Added", "Removed", "Changed", "Retro."],
  missingIn: (sheet: string, side: string) =>
    `${sheet}: not found in the ${side.toLowerCase()}, not compared.`,
  rowsTitle: (sheet: string, n: number) => `${sheet}: ${rows(n)} changed`,
  change: { added: "Added", removed: "Removed", changed: "Changed" },
  row: (n: number | null) => `row ${n}`,
  earlierRow: (n: number | null) => `earlier row ${n}`,
  retroBadge: "retroactive",
  more: (n: number) => `Show the other ${rows(n)}`,
  infoTitle: (n: number) => `Project facts changed (${n})`,
  kpiTitle: "Performance targets: earlier → later",
  kpiColumns: ["Target", "Earlier", "Later", "Due now"],
  budgetTitle: "Budget and spending (yuan)",
  budgetColumns: ["Category", "Spent then", "Spent now", "Limit"],
  planned: (then: string) => `plan ${then}`,
  checksTitle: (n: number, r: number, p: number) =>
    `Findings compared: ${n} new · ${r} resolved · ${p} persisting`,
  checks: { new: "New", resolved: "Resolved", persisting: "Persisting" },
  resolvedNote: "These were findings of the earlier submission and are gone from the later one.",
  goTo: "Go to this place",
  notHere:
    "The workbook you chose reports up to a later date, so it was compared as the later submission; the changed rows are in that workbook and cannot be shown from here.",
};

export const COMPARE_STRINGS = { zh, en };
