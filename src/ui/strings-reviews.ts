/**
 * The words of explanations and decisions on findings (审核意见: ReviewForm), Chinese first;
 * kept apart from strings.ts. Field names are the 审核意见 sheet's headers.
 */
const zh = {
  action: "说明/审核",
  actionEdit: "修改说明/审核",
  /** Starts with the visible words, so speech input finds the button (WCAG 2.5.3). */
  actionLabel: (action: string, rule: string, where: string) =>
    `${action}：${rule}${where ? `，${where}` : ""}`,
  title: "情况说明与处理意见",
  intro:
    "承接机构填写情况说明；审核人员填写处理意见。保存后写入工作簿的「审核意见」工作表，并重新检查。",
  introPage:
    "承接机构填写情况说明；审核人员填写处理意见。保存后重新检查，下载标注副本时一并写入「审核意见」工作表。",
  explanation: "情况说明",
  explanationHint: "承接机构对此问题的说明，可不填",
  decision: "处理意见",
  decisionNone: "（暂不处理）",
  decisionHint: "选择「认可」后，此问题仍然列出，但不再计入错误和警告。",
  reason: "处理理由",
  reviewer: "处理人",
  date: "处理日期",
  requiredWithDecision: "填写处理意见时必填",
  save: "保存",
  saving: "正在保存…",
  cancel: "取消",
  nothing: "请填写情况说明，或选择处理意见。",
  problemsTitle: "请补全以下内容：",
  failed: "未能保存",
  earlierNote: "此问题的数字已变化，此前的说明或处理意见不再适用，请重新填写。",
  accepted: "已认可",
  acceptedBy: (by: string | null, date: string | null) =>
    by || date ? `（${[by, date].filter(Boolean).join("，")}）` : "",
  savedExcel: (sheet: string, row: number, created: boolean) =>
    created
      ? `已新建「${sheet}」工作表，并写入第 ${row} 行；已重新检查。`
      : `已写入「${sheet}」工作表第 ${row} 行；已重新检查。`,
  savedPage:
    "已记录审核意见并重新检查。审核意见保存在本页面中，点击「下载标注副本」时写入副本的「审核意见」工作表；关闭页面前请下载。",
  pending: (n: number) => `本页面已记录 ${n} 条审核意见，尚未下载。`,
};

export type ReviewStrings = typeof zh;

const en: ReviewStrings = {
  action: "Explain / decide",
  actionEdit: "Edit explanation / decision",
  actionLabel: (action: string, rule: string, where: string) =>
    `${action}: ${rule}${where ? `, ${where}` : ""}`,
  title: "Explanation and decision",
  intro:
    "The contractor writes the explanation; the reviewer gives the decision. Saving writes the row into the workbook's 审核意见 sheet and checks again.",
  introPage:
    "The contractor writes the explanation; the reviewer gives the decision. Saving checks again; the downloaded annotated copy carries the row on its 审核意见 sheet.",
  explanation: "Explanation (情况说明)",
  explanationHint: "The contractor's account of this finding; may be left blank",
  decision: "Decision (处理意见)",
  decisionNone: "(none yet)",
  decisionHint:
    "An accepted (认可) finding stays listed but no longer counts as an error or warning.",
  reason: "Reason (处理理由)",
  reviewer: "Reviewer (处理人)",
  date: "Date (处理日期)",
  requiredWithDecision: "Required with a decision",
  save: "Save",
  saving: "Saving…",
  cancel: "Cancel",
  nothing: "Write an explanation or choose a decision.",
  problemsTitle: "Please complete:",
  failed: "Not saved",
  earlierNote:
    "The figures of this finding have changed, so the earlier explanation or decision no longer applies: write it again.",
  accepted: "Accepted",
  acceptedBy: (by: string | null, date: string | null) =>
    by || date ? ` (${[by, date].filter(Boolean).join(", ")})` : "",
  savedExcel: (sheet: string, row: number, created: boolean) =>
    created
      ? `Sheet "${sheet}" made, row ${row} written; checked again.`
      : `Row ${row} of sheet "${sheet}" written; checked again.`,
  savedPage:
    "Review recorded and checked again. It is kept in this page and written to the 审核意见 sheet of the annotated copy when you download it; download before closing the page.",
  pending: (n: number) => `${n} reviews recorded in this page, not downloaded yet.`,
};

export const REVIEW_STRINGS = { zh, en };
