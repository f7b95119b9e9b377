/**
 * Explanations and decisions on findings (review-cycle.md section 2) as data: the rows of the
 * 审核意见 sheet as read, and what a finding carries of the row that applies to it.
 */
import type { ENUMS } from "../contract/enums";

/** 处理意见: 认可 (accepted), 不认可 (not accepted), 需整改 (to be corrected). */
export type ReviewDecision = (typeof ENUMS.reviewDecision.values)[number];

/** The fields of table Reviews, by key (contract/tables.ts REVIEWS). */
export type ReviewField =
  | "rule"
  | "location"
  | "summary"
  | "fingerprint"
  | "explanation"
  | "decision"
  | "reason"
  | "reviewer"
  | "decidedOn";

/** One row of 审核意见 as read. */
export interface ReviewRow {
  /** Zero-based sheet row. */
  row: number;
  rule: string | null;
  location: string | null;
  summary: string | null;
  /** Lower case, as the tools write it. */
  fingerprint: string | null;
  explanation: string | null;
  decision: ReviewDecision | null;
  reason: string | null;
  reviewer: string | null;
  /** Excel date serial. */
  decidedOn: number | null;
  /** False: malformed (a WB-VALUE error says why); such a row applies to nothing. */
  valid: boolean;
}

/** Where 审核意见 sits and what it holds: enough for a writer to update a row or add one. */
export interface ReviewSheet {
  sheet: string;
  /** 'table': found by its table object; 'header': by sheet name and header row. */
  foundBy: "table" | "header";
  /** Zero-based rows: the header, and the last row that may hold data. */
  headerRow: number;
  lastDataRow: number;
  /** Field -> zero-based column, for the columns found. */
  columns: Partial<Record<ReviewField, number>>;
  /** Columns the table spans. */
  span: { first: number; last: number };
  rows: ReviewRow[];
}

/** What a finding carries of a review row (JSON: "review", "earlierReview"). */
export interface FindingReview {
  /** 情况说明: the contractor's explanation. */
  explanation: string | null;
  decision: ReviewDecision | null;
  /** 认可: shown as accepted, no longer counted as an error or warning, nor in the exit code. */
  accepted: boolean;
  reason: string | null;
  by: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** The finding's message when the row was written (问题摘要). */
  summary: string | null;
  /** The row's fingerprint: for an earlier review, that of the other figures. */
  fingerprint: string;
  sheet: string;
  /** One-based row number, as Excel shows it. */
  row: number;
}
