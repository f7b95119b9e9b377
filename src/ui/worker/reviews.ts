/**
 * The worker's side of a review written on the standalone page: the row for the finding (over
 * the row already there, found by fingerprint), planned against the workbook as read, done to
 * the model so the re-check applies it, and kept so the downloaded copy carries it.
 */
import type { Text } from "../../engine/i18n";
import type { WorkbookModel } from "../../engine/model";
import { findReviewRow, reviewValues, type ReviewInput } from "../../engine/reviews/rows";
import {
  applyReviewWrite,
  planReviewWrite,
  reviewHeaderMissing,
  type ReviewWrite,
} from "../../engine/reviews/write-plan";
import type { WorkbookResult } from "../protocol";

export type ReviewOutcome =
  { ok: true; model: WorkbookModel; write: ReviewWrite } | { ok: false; error: Text };

export function reviewInWorkbook(
  model: WorkbookModel,
  result: WorkbookResult,
  fingerprint: string,
  input: ReviewInput
): ReviewOutcome {
  const finding = result.findings.find((f) => f.fingerprint === fingerprint);
  if (!finding)
    return {
      ok: false,
      error: {
        zh: "找不到这条问题（工作簿可能已重新检查），请重新检查后再填写。",
        en: "This finding is no longer there (the workbook may have been checked again). Check again, then write the review.",
      },
    };
  const { values, problems } = reviewValues(
    finding,
    input,
    findReviewRow(result.reviews, fingerprint)
  );
  if (problems.length)
    return {
      ok: false,
      error: {
        zh: problems.map((p) => p.zh).join(""),
        en: problems.map((p) => p.en).join(" "),
      },
    };
  const write = planReviewWrite(model, values);
  if (write.kind === "no-header") return { ok: false, error: reviewHeaderMissing(write.sheet) };
  return { ok: true, model: applyReviewWrite(model, write), write };
}
