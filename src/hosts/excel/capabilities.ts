/**
 * What this Excel can do for the add-in, from its requirement sets: the pane greys out what is
 * missing and the README lists the same table.
 */
import type { Lang, Text } from "../../engine/i18n";
import { API, supports, type ExcelHost } from "./host";

export interface Capabilities {
  /** The workbook can be read and checked at all (ExcelApi 1.7). */
  check: boolean;
  /** Reasons attached as notes (ExcelApi 1.18). */
  notes: boolean;
  /** Reasons attached as threaded comments when notes are missing (ExcelApi 1.10). */
  comments: boolean;
  /** The standard template inserted into the open workbook (ExcelApi 1.13). */
  insertTemplate: boolean;
  /** Cells marked and unmarked exactly (fill pattern API, ExcelApi 1.9; settings 1.4). */
  marks: boolean;
  /** The 汇总-合规 sheet with links to cells (ExcelApi 1.7). */
  summarySheet: boolean;
}

export interface CapabilityInfo {
  key: keyof Capabilities;
  requirement: string;
  label: Text;
  /** What happens without it. */
  fallback: Text;
}

export const CAPABILITY_INFO: readonly CapabilityInfo[] = [
  {
    key: "check",
    requirement: `ExcelApi ${API.read}`,
    label: { zh: "检查打开的工作簿", en: "Check the open workbook" },
    fallback: {
      zh: "请更新 Excel，或将文件拖入独立页面检查",
      en: "Update Excel, or check the file on the standalone page",
    },
  },
  {
    key: "marks",
    requirement: `ExcelApi ${API.fillPattern}`,
    label: { zh: "标记问题单元格", en: "Mark flagged cells" },
    fallback: {
      zh: "不标记，仅在任务窗格列出问题",
      en: "No marks; findings are listed in the pane only",
    },
  },
  {
    key: "notes",
    requirement: `ExcelApi ${API.notes}`,
    label: { zh: "以批注（注释）说明原因", en: "Reasons as notes" },
    fallback: { zh: "改用评论；再不支持则只填色", en: "Comments instead; fill only without those" },
  },
  {
    key: "comments",
    requirement: `ExcelApi ${API.comments}`,
    label: { zh: "以评论说明原因", en: "Reasons as comments" },
    fallback: { zh: "只填色，原因见任务窗格", en: "Fill only; reasons in the pane" },
  },
  {
    key: "insertTemplate",
    requirement: `ExcelApi ${API.insertWorksheets}`,
    label: { zh: "插入标准模板", en: "Insert the standard template" },
    fallback: { zh: "请下载模板文件另行打开", en: "Download the template file instead" },
  },
  {
    key: "summarySheet",
    requirement: `ExcelApi ${API.hyperlinks}`,
    label: { zh: "生成“汇总-合规”工作表", en: "Write the 汇总-合规 sheet" },
    fallback: { zh: "汇总仅在任务窗格显示", en: "The summary shows in the pane only" },
  },
];

export function capabilities(host: Pick<ExcelHost, "isSetSupported">): Capabilities {
  return {
    check: supports(host, API.read),
    notes: supports(host, API.notes),
    comments: supports(host, API.comments),
    insertTemplate: supports(host, API.insertWorksheets),
    marks: supports(host, API.fillPattern) && supports(host, API.settings),
    summarySheet: supports(host, API.hyperlinks) && supports(host, API.settings),
  };
}

/** One line per capability, e.g. "✔ Reasons as notes (ExcelApi 1.18)". */
export function describeCapabilities(caps: Capabilities, lang: Lang): string[] {
  return CAPABILITY_INFO.map((info) => {
    const ok = caps[info.key];
    const tail = ok ? "" : ` — ${info.fallback[lang]}`;
    return `${ok ? "✔" : "✖"} ${info.label[lang]} (${info.requirement})${tail}`;
  });
}
