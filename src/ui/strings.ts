/** Every text of the pane, Chinese first. */
import type { Lang } from "../engine/i18n";
import { COMPARE_STRINGS } from "./strings-compare";
import { REVIEW_STRINGS } from "./strings-reviews";
import { PACE_STRINGS } from "./strings-pace";

const zh = {
  appTitle: "福彩项目合规助手",
  check: "合规检查",
  checking: "正在检查…",
  recheck: "重新检查",
  reading: "正在读取工作簿…",
  evaluating: "正在计算公式并检查规则…",
  project: "项目",
  stage: { interim: "中期", final: "末期" },
  asOf: "截至",
  counts: { error: "错误", warning: "警告", info: "提示" },
  notChecked: "未检查",
  filter: "按严重程度筛选",
  all: "全部",
  noFindings: "未发现问题。",
  areas: {
    budget: "预算",
    staff: "人员与督导",
    kpi: "绩效指标",
    data: "数据与格式",
    cross: "跨项目",
    submissions: "报送变更",
  },
  figures: { actual: "实际", target: "目标", expected: "应达到", cap: "上限", planned: "预算" },
  language: "语言",
  mark: "标记到单元格",
  clear: "清除标记",
  summary: "生成汇总",
  live: "实时检查",
  liveHint: "修改表格后自动重新检查",
  insertTemplate: "插入标准模板",
  chooseFiles: "选择工作簿",
  dropHere: "将 .xlsx 工作簿拖放到此处，或点击选择文件（可多选）",
  files: "工作簿",
  downloadAnnotated: "下载标注副本",
  downloadSummary: "下载汇总工作簿",
  preview: "工作簿预览",
  sheet: "工作表",
  unreadable: "无法读取",
  standaloneNote: "独立模式：文件只在本机浏览器中处理，不会上传。",
  goTo: "定位到单元格",
  marked: (n: number) => `已标记 ${n} 个单元格。`,
  cleared: "已清除标记。",
  summaryWritten: (name: string) => `已写出汇总工作表「${name}」。`,
  templateInserted: "已插入标准模板工作表。",
  failed: "操作失败",
  loadingSamples: "正在载入示例工作簿…",
  notCheckedCount: "未检查",
  acceptedCount: "已认可",
  acceptedNote: "审核意见中已认可的问题：仍列出，不计入错误和警告。",
  showOnly: "仅显示：",
  showAll: "显示全部",
  progress: "进度",
  progressNote: "以下指标按计划推进，不算问题。",
  basis: "依据",
  fix: "处理：",
  chartBudget: "支出与上限",
  chartKpi: "绩效指标完成情况",
  chartDue: "应达到",
  legend: "颜色说明",
  legendSelected: "当前选中",
  fileStatus: {
    ok: "合规",
    attention: "有警告",
    fail: "有错误",
    unreadable: "无法读取",
    checking: "检查中…",
  },
  remove: "移除",
  clearAll: "清空列表",
  duplicate: (name: string, same: string) =>
    `「${name}」与已添加的「${same}」内容相同，未重复添加。`,
  crossTitle: "跨项目检查",
  crossIntro: "多个项目之间的问题：同一机构承接的项目数、专职人员兼任、资金总额与实施地点。",
  openAt: "打开该文件并定位到此单元格",
  startLines: [
    "按《2024年疏附县民政局福彩公益金支持社会组织参与基层社会治理项目实施方案》检查项目工作簿：预算上限、人员与证书、督导、各项绩效指标和月报。",
    "每个问题都标到造成它的单元格上，写明原因、依据和处理办法；多个项目一起检查时另做跨项目检查。",
  ],
  downloadTemplate: "下载标准模板",
  help: "使用帮助",
  trySample: "试用示例工作簿",
  cellReasons: "此单元格的问题",
  sheetCount: (name: string, n: number) => (n ? `${name}（${n}）` : name),
  filesTitle: "已添加的工作簿",
  markedSummary: (cells: number, notes: number) =>
    notes ? `已标记 ${cells} 个单元格，附说明 ${notes} 条。` : `已标记 ${cells} 个单元格。`,
  marksUserNotes: (n: number) => `${n} 个单元格已有您自己的批注或评论，没有改动，只着色。`,
  marksMissing: (names: string) => `以下工作表已不存在，其中的问题未标记：${names}。`,
  marksProtected: (names: string) =>
    `以下工作表受保护，没有标记：${names}。撤销工作表保护后可再标记。`,
  marksGradient: (n: number) => `${n} 个单元格是渐变填充，为能原样恢复，没有标记。`,
  marksCommentsFailed: "部分说明未能以评论添加（单元格可能已有批注），原因请在下方列表中查看。",
  marksFillOnly: "此版本的 Excel 不能添加批注或评论，只给单元格着色；原因请在下方列表中查看。",
  clearedSummary: (restored: number, removed: number) =>
    `已清除标记：恢复 ${restored} 个单元格，删除说明 ${removed} 条。`,
  clearedChanged: (n: number) => `${n} 个单元格的颜色在标记后被改过，保持您改后的样子。`,
  clearedProtected: (names: string) =>
    `以下工作表受保护，其中的标记暂未清除：${names}。撤销工作表保护后再清除。`,
  marksUnavailable:
    "此版本的 Excel 不能把单元格颜色原样恢复，因此不标记，问题请在下方列表中查看。标记需要 Office 2021 及以上、Microsoft 365 或网页版 Excel。",
  summaryUnavailable: "此版本的 Excel 不能生成汇总工作表，汇总请在任务窗格中查看。",
  templateUnavailable: "此版本的 Excel 不能插入模板，请下载标准模板文件后另行打开。",
  templateConfirmTitle: "插入标准模板",
  templateConfirmBody:
    "插入模板后，Excel 的撤销记录会被清空：此前的操作将无法再撤销。如有未保存的修改，请先保存。确定插入吗？",
  templateConfirm: "插入",
  cancel: "取消",
  selectHidden: (sheet: string) =>
    `工作表「${sheet}」已隐藏，Excel 无法定位到其中的单元格。请先取消隐藏（开始 > 格式 > 隐藏和取消隐藏）。`,
  selectMissing: (sheet: string, cell: string) =>
    `在工作表「${sheet}」中找不到 ${cell}（工作表可能已改名或删除），请重新检查。`,
  /** 与上次报送比较 (ComparePanel). */
  compare: COMPARE_STRINGS.zh,
  /** 情况说明与处理意见 (ReviewForm). */
  review: REVIEW_STRINGS.zh,
  /** 进度推算、依据与走势图 (PaceLine, EvidenceList, PaceChart). */
  pace: PACE_STRINGS.zh,
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Fucai Compliance",
  check: "Check compliance",
  checking: "Checking…",
  recheck: "Check again",
  reading: "Reading the workbook…",
  evaluating: "Computing formulas and checking rules…",
  project: "Project",
  stage: { interim: "Interim", final: "Final" },
  asOf: "as of",
  counts: { error: "Errors", warning: "Warnings", info: "Info" },
  notChecked: "Not checked",
  filter: "Filter by severity",
  all: "All",
  noFindings: "No problems found.",
  areas: {
    budget: "Budget",
    staff: "Staff and supervision",
    kpi: "Performance targets",
    data: "Data and format",
    cross: "Across projects",
    submissions: "Across submissions",
  },
  figures: {
    actual: "actual",
    target: "target",
    expected: "expected by now",
    cap: "cap",
    planned: "plan",
  },
  language: "Language",
  mark: "Mark cells",
  clear: "Clear marks",
  summary: "Write summary",
  live: "Live check",
  liveHint: "Check again after edits",
  insertTemplate: "Insert the template",
  chooseFiles: "Choose workbooks",
  dropHere: "Drop .xlsx workbooks here, or click to choose (several at once)",
  files: "Workbooks",
  downloadAnnotated: "Download annotated copy",
  downloadSummary: "Download summary workbook",
  preview: "Workbook preview",
  sheet: "Sheet",
  unreadable: "Cannot be read",
  standaloneNote: "Standalone: files are processed in this browser only, never uploaded.",
  goTo: "Go to cell",
  marked: (n: number) => `Marked ${n} cells.`,
  cleared: "Marks cleared.",
  summaryWritten: (name: string) => `Summary written to sheet "${name}".`,
  templateInserted: "Template sheets inserted.",
  failed: "Failed",
  loadingSamples: "Loading the sample workbooks…",
  notCheckedCount: "Not checked",
  acceptedCount: "Accepted",
  acceptedNote:
    "Findings accepted on the 审核意见 sheet: still listed, not counted as errors or warnings.",
  showOnly: "Show only:",
  showAll: "Show all",
  progress: "Progress",
  progressNote: "These targets are on track; they are not problems.",
  basis: "plan",
  fix: "Fix: ",
  chartBudget: "Spending against the caps",
  chartKpi: "Performance targets",
  chartDue: "due by now",
  legend: "Colours",
  legendSelected: "selected",
  fileStatus: {
    ok: "compliant",
    attention: "warnings",
    fail: "errors",
    unreadable: "cannot be read",
    checking: "checking…",
  },
  remove: "Remove",
  clearAll: "Clear the list",
  duplicate: (name: string, same: string) =>
    `"${name}" has the same content as "${same}", already added; it was not added again.`,
  crossTitle: "Across projects",
  crossIntro:
    "Problems between projects: projects per contractor, full-time staff on two projects, the program's fund and sites.",
  openAt: "Open the file at this cell",
  startLines: [
    "Checks project workbooks against the 2024 implementation plan of the Shufu County civil-affairs bureau: budget caps, staff and certificates, supervision, performance targets and monthly reports.",
    "Every problem is marked on the cell that causes it, with the reason, the plan's clause and how to fix it; several projects are also checked against each other.",
  ],
  downloadTemplate: "Download the template",
  help: "Help",
  trySample: "Try a sample workbook",
  cellReasons: "Findings on this cell",
  sheetCount: (name: string, n: number) => (n ? `${name} (${n})` : name),
  filesTitle: "Workbooks added",
  markedSummary: (cells: number, notes: number) =>
    notes ? `Marked ${cells} cells, with ${notes} reasons attached.` : `Marked ${cells} cells.`,
  marksUserNotes: (n: number) =>
    `${n} cells already had your own note or comment: left as they were, coloured only.`,
  marksMissing: (names: string) =>
    `These sheets no longer exist, so their findings were not marked: ${names}.`,
  marksProtected: (names: string) =>
    `These sheets are protected and were not marked: ${names}. Unprotect them to mark them.`,
  marksGradient: (n: number) =>
    `${n} cells have a gradient fill and were not marked, so they can be put back exactly.`,
  marksCommentsFailed:
    "Some reasons could not be added as comments (the cell may have a note); see the list below.",
  marksFillOnly:
    "This version of Excel cannot add notes or comments: cells are coloured only; see the reasons in the list below.",
  clearedSummary: (restored: number, removed: number) =>
    `Marks cleared: ${restored} cells restored, ${removed} reasons removed.`,
  clearedChanged: (n: number) =>
    `${n} cells were re-coloured after marking and were left as you made them.`,
  clearedProtected: (names: string) =>
    `These sheets are protected, so their marks stay for now: ${names}. Unprotect them, then clear again.`,
  marksUnavailable:
    "This version of Excel cannot put cell colours back exactly, so nothing is marked: see the findings in the list below. Marking needs Office 2021 or later, Microsoft 365 or Excel on the web.",
  summaryUnavailable:
    "This version of Excel cannot write the summary sheet; read the summary in the pane.",
  templateUnavailable:
    "This version of Excel cannot insert the template: download the template file and open it.",
  templateConfirmTitle: "Insert the standard template",
  templateConfirmBody:
    "Inserting the template clears Excel's undo history: what you did before can no longer be undone. Save any unsaved changes first. Insert it?",
  templateConfirm: "Insert",
  cancel: "Cancel",
  selectHidden: (sheet: string) =>
    `Sheet "${sheet}" is hidden, so Excel cannot go to its cells. Unhide it first (Home > Format > Hide & Unhide).`,
  selectMissing: (sheet: string, cell: string) =>
    `${cell} was not found on sheet "${sheet}" (it may have been renamed or deleted). Check again.`,
  compare: COMPARE_STRINGS.en,
  review: REVIEW_STRINGS.en,
  pace: PACE_STRINGS.en,
};

export const STRINGS: Record<Lang, Strings> = { zh, en };
