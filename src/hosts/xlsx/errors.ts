/** Why a file could not be read, in words for the user (Chinese first). */
import type { Text } from "../../engine/i18n";

export type ReadProblem =
  | "empty"
  | "not-xlsx"
  | "legacy-xls"
  | "encrypted"
  | "truncated"
  | "too-large"
  | "zip-bomb"
  | "too-many-entries"
  | "corrupt"
  | "no-workbook"
  | "out-of-memory"
  | "timeout"
  | "unreadable";

const MESSAGES: Record<ReadProblem, Text> = {
  empty: { zh: "文件为空（0 字节）。", en: "The file is empty (0 bytes)." },
  "not-xlsx": {
    zh: "不是 Excel 工作簿（.xlsx）文件。",
    en: "This is not an Excel workbook (.xlsx).",
  },
  "legacy-xls": {
    zh: "是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
    en: "This is an old .xls file; save it as .xlsx in Excel or WPS and check it again.",
  },
  encrypted: {
    zh: "工作簿设有打开密码（已加密），请取消密码后再提交检查。",
    en: "The workbook is password-protected (encrypted); remove the password and check it again.",
  },
  truncated: {
    zh: "文件不完整（可能下载或复制中断），请重新获取原文件。",
    en: "The file is truncated (an interrupted download or copy?); get the original again.",
  },
  "too-large": { zh: "文件超过允许的大小上限。", en: "The file is larger than the allowed limit." },
  "zip-bomb": {
    zh: "文件解压后的大小超出安全上限，已拒绝读取。",
    en: "The file expands beyond the safety limit when unpacked and was refused.",
  },
  "too-many-entries": {
    zh: "文件内部条目数量超出安全上限，已拒绝读取。",
    en: "The file holds more internal parts than the safety limit allows.",
  },
  corrupt: { zh: "文件已损坏，无法解析。", en: "The file is corrupt and cannot be parsed." },
  "no-workbook": {
    zh: "压缩包中没有 Excel 工作簿内容（xl/workbook.xml）。",
    en: "The archive holds no Excel workbook (xl/workbook.xml).",
  },
  "out-of-memory": {
    zh: "读取时所需内存超出上限，已中止（文件可能含有异常结构）。",
    en: "Reading needed more memory than allowed and was stopped (the file may hold a hostile structure).",
  },
  timeout: { zh: "读取超时，已中止。", en: "Reading took too long and was stopped." },
  unreadable: { zh: "无法读取文件。", en: "The file cannot be read." },
};

/**
 * A file that cannot be read. `detail` is for the user, in both languages ("超过 5,000,000 个
 * 单元格" / "more than 5,000,000 cells"); `technical` names the part and the fault for
 * developers and logs (Error.message) and never reaches a user's message.
 */
export class WorkbookReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    readonly detail?: Text,
    readonly technical?: string
  ) {
    super(
      [MESSAGES[problem].en, detail && `(${detail.en})`, technical && `[${technical}]`]
        .filter(Boolean)
        .join(" ")
    );
  }

  get text(): Text {
    const m = MESSAGES[this.problem];
    const d = this.detail;
    return d
      ? {
          zh: `${m.zh.replace(/。$/, "")}（${d.zh}）。`,
          en: `${m.en.replace(/\.$/, "")} (${d.en}).`,
        }
      : m;
  }
}

/** A workbook over one of the reader's counts: "超过 1,000 个工作表" / "more than 1,000 sheets". */
export function tooMany(max: number, what: Text): WorkbookReadError {
  const n = max.toLocaleString("en-US");
  return new WorkbookReadError("too-large", {
    zh: `超过 ${n} ${what.zh}`,
    en: `more than ${n} ${what.en}`,
  });
}

export function problemText(problem: ReadProblem, detail?: Text): Text {
  return new WorkbookReadError(problem, detail).text;
}

/** "12 MB", in both languages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576).toLocaleString("en-US")} MB`;
}
