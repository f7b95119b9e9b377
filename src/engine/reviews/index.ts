/**
 * Explanations and decisions on findings (审核意见, review-cycle.md section 2): the engine
 * applies them during a check (check.ts); writers of the sheet use rows.ts.
 */
export type { FindingReview, ReviewDecision, ReviewField, ReviewRow, ReviewSheet } from "./model";
export { fingerprintOf, findingLocation, PACE_FIGURES } from "./fingerprint";
export {
  findReviewRow,
  reviewCells,
  reviewProblems,
  reviewValues,
  REVIEW_COLUMNS,
  type ReviewInput,
  type ReviewValues,
} from "./rows";
export { reviewLines } from "./text";
