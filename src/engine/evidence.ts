/**
 * Evidence (review-cycle.md section 4): the rows behind a figure. Every finding that counts or
 * sums rows lists each row counted and each row left out with its one reason, so that an
 * evaluator who reads "服务活动 24 / 20" can see which 24.
 */
import type { Text } from "./i18n";

export interface EvidenceRow {
  sheet: string;
  /** Sheet row as Excel numbers it (1-based). */
  row: number;
  counted: boolean;
  /** What the row adds to a summed figure (an amount, people served); absent for a count. */
  value?: number;
  /** Why a row is left out (only on left-out rows). */
  reason?: Text;
}

/** Personnel spending per payee (收款方), so that pay per person shows. */
export interface PayeeTotal {
  /** As written in 收款方; null when the cell is blank. */
  payee: string | null;
  amount: number;
  /** Sheet rows (1-based) of the counted payments. */
  rows: number[];
}

const t = (zh: string, en: string): Text => ({ zh, en });

/** Reasons shared by many rows: one object each, so a 50,000-row ledger holds no copies. */
export const REASONS = {
  noCategory: t("类别未填写或不是有效类别", "No valid category"),
  noAmount: t("金额未填写或无法识别", "No readable amount"),
  totalRow: t("手工填写的合计行，不是一笔记录", "A totals row typed into the table, not a record"),
  notProfessional: t(
    "活动类型不是个案、小组或社区活动",
    "Not casework, a group or a community activity"
  ),
  notContractor: t("不是承接机构开展的活动", "Not held by the contractor"),
  noBeneficiaries: t("受益人数未填写或无法识别", "No readable number of beneficiaries"),
  noPersonTimes: t("培训人次未填写或无法识别", "No readable person-times"),
  notNew: t("不是本项目新培育的组织", "Not newly cultivated by this project"),
  noName: t("组织名称未填写", "No organisation name"),
  repeatedName: t("组织名称重复，只计一次", "The same organisation again, counted once"),
  noFilingNumber: t("未填写乡镇备案编号", "No township filing number"),
  notFullTime: t("不是专职人员", "Not full-time"),
  noJoined: t("到岗日期未填写或无法识别", "No readable start date"),
  notInternal: t("不是内部督导", "Not an internal supervisor"),
} as const;

const DATE_REASONS = new Map<string, { before: Text; after: Text; none: Text }>();

/** Why a date leaves a row out, in the words of its field ("备案日期早于合同开始日期"). */
export function dateReasons(field: Text = t("日期", "date")) {
  const key = `${field.zh}|${field.en}`;
  let reasons = DATE_REASONS.get(key);
  if (!reasons) {
    const en = field.en.charAt(0).toUpperCase() + field.en.slice(1);
    reasons = {
      before: t(`${field.zh}早于合同开始日期`, `${en} before the contract start`),
      after: t(`${field.zh}晚于报告截止日期`, `${en} after the reporting date`),
      none: t(`${field.zh}未填写或无法识别`, `No readable ${field.en}`),
    };
    DATE_REASONS.set(key, reasons);
  }
  return reasons;
}

/** Is this the reason of a row left out for its date (dateReasons), whatever the date field? */
export function isDateReason(reason: Text | undefined): boolean {
  if (!reason) return false;
  for (const r of DATE_REASONS.values())
    if (reason === r.before || reason === r.after || reason === r.none) return true;
  return false;
}

/**
 * "计入 4 行，未计入 12 行" / "4 rows counted, 12 left out"; rows only left out (a note on
 * records outside the period) without "计入 0 行" before them.
 */
export function evidenceTally(counted: number, left: number): Text {
  if (!counted && left) return t(`未计入 ${left} 行`, `${left} rows left out`);
  return left
    ? t(`计入 ${counted} 行，未计入 ${left} 行`, `${counted} rows counted, ${left} left out`)
    : t(`计入 ${counted} 行`, `${counted} rows counted`);
}

export function counted(sheet: string, row0: number, value?: number): EvidenceRow {
  return value === undefined
    ? { sheet, row: row0 + 1, counted: true }
    : { sheet, row: row0 + 1, counted: true, value };
}

export function leftOut(sheet: string, row0: number, reason: Text, value?: number): EvidenceRow {
  return value === undefined
    ? { sheet, row: row0 + 1, counted: false, reason }
    : { sheet, row: row0 + 1, counted: false, value, reason };
}

/** In sheet order, counted or not: how people look the rows up. */
export function bySheetRow(rows: EvidenceRow[]): EvidenceRow[] {
  return rows.sort((a, b) => a.row - b.row);
}
