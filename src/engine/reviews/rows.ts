/**
 * For whoever writes 审核意见 on a person's action (the pane in Excel, the standalone page):
 * the values of the row for a finding, what would make that row malformed, and the row to
 * update. Host-free: each host lays the values into its own cells, as text (never as a
 * formula), 处理日期 as a date. Rows are only ever added or updated, never deleted.
 */
import type { Finding } from "../findings";
import type { Text } from "../i18n";
import { REVIEWS, templateHeader } from "../contract/tables";
import { ENUMS } from "../contract/enums";
import { parseIsoDate } from "../util/dates";
import { fingerprintOf, findingLocation } from "./fingerprint";
import type { ReviewDecision, ReviewField, ReviewRow, ReviewSheet } from "./model";

/** What a person gave. A field left undefined keeps what the row to update holds; null clears it. */
export interface ReviewInput {
  /** 情况说明 (the contractor). */
  explanation?: string | null;
  /** 处理意见 (the reviewer), with 处理理由, 处理人 and 处理日期. */
  decision?: ReviewDecision | null;
  reason?: string | null;
  reviewer?: string | null;
  /** "YYYY-MM-DD" or an Excel date serial. */
  date?: string | number | null;
}

/** A row's values by field; 处理日期 as an Excel date serial. */
export type ReviewValues = Record<Exclude<ReviewField, "decidedOn">, string | null> & {
  decidedOn: number | null;
};

/** The table's fields in the template's column order, with the header text the template writes. */
export const REVIEW_COLUMNS: readonly { field: ReviewField; header: string }[] = REVIEWS.fields.map(
  (f) => ({ field: f.key as ReviewField, header: templateHeader(f) })
);

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function serialOf(date: string | number | null | undefined): number | null {
  if (typeof date === "number") return Number.isFinite(date) ? Math.floor(date) : null;
  return date ? parseIsoDate(date) : null;
}

/** Why a row with these values would be malformed (and apply to nothing); empty when it is fine. */
export function reviewProblems(values: ReviewValues): Text[] {
  const out: Text[] = [];
  if (values.decision !== null) {
    if (!(ENUMS.reviewDecision.values as readonly string[]).includes(values.decision))
      out.push({
        zh: "处理意见应为：认可、不认可或需整改。",
        en: "The decision must be 认可 (accept), 不认可 (not accepted) or 需整改 (to be corrected).",
      });
    if (values.reason === null) out.push({ zh: "请填写处理理由。", en: "Give the reason." });
    if (values.reviewer === null)
      out.push({ zh: "请填写处理人。", en: "Give the reviewer's name." });
    if (values.decidedOn === null)
      out.push({ zh: "请填写处理日期。", en: "Give the date of the decision." });
  }
  return out;
}

/**
 * The row for a finding: 规则, 位置, 问题摘要 (the finding's message now) and 指纹 from the
 * finding; the rest from `input`, over what `existing` (the row to update) holds.
 */
export function reviewValues(
  finding: Finding,
  input: ReviewInput,
  existing?: ReviewRow
): { values: ReviewValues; problems: Text[] } {
  const keep = <T>(given: T | undefined, old: T | null | undefined): T | null =>
    given === undefined ? (old ?? null) : given;
  const values: ReviewValues = {
    rule: finding.rule,
    location: findingLocation(finding),
    summary: finding.message.zh,
    fingerprint: finding.fingerprint ?? fingerprintOf(finding),
    explanation: blankToNull(keep(input.explanation, existing?.explanation)),
    decision: keep(input.decision, existing?.decision),
    reason: blankToNull(keep(input.reason, existing?.reason)),
    reviewer: blankToNull(keep(input.reviewer, existing?.reviewer)),
    decidedOn:
      input.date === undefined ? (existing?.decidedOn ?? null) : serialOf(input.date ?? null),
  };
  return { values, problems: reviewProblems(values) };
}

/** The row to update for a fingerprint: the lowest row holding it (the one that counts), if any. */
export function findReviewRow(
  sheet: ReviewSheet | null | undefined,
  fingerprint: string
): ReviewRow | undefined {
  const wanted = fingerprint.trim().toLowerCase();
  let found: ReviewRow | undefined;
  for (const row of sheet?.rows ?? []) if (row.fingerprint === wanted) found = row;
  return found;
}

/**
 * The values as cells of one row: at the sheet's own columns when it is there (columns may be
 * reordered or missing), else in the template's order from column 0.
 */
export function reviewCells(
  values: ReviewValues,
  sheet?: ReviewSheet | null
): { col: number; field: ReviewField; value: string | number | null }[] {
  return REVIEW_COLUMNS.flatMap(({ field }, i) => {
    const col = sheet ? sheet.columns[field] : i;
    return col === undefined ? [] : [{ col, field, value: values[field] }];
  });
}
