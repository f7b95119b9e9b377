/** Messages between the pane and its engine worker. */
import type { WorkbookModel } from "../engine/model";
import type { Finding, CrossFinding } from "../engine/findings";
import type { Lang, Text } from "../engine/i18n";
import type { CheckedWorkbook } from "../engine/summary/model";
import type { Area } from "../engine/rules/types";
import type { ReviewInput } from "../engine/reviews/rows";
import type { ComparisonOutcome } from "../engine/diff/types";
import type { PaceSeries } from "../engine/pace-series";

/** `series`: a cap's or target's figure by month, for the pace chart (engine/pace-series.ts). */
export type UiFinding = Finding & { area: Area; series?: PaceSeries };

export interface SheetInfo {
  name: string;
  rows: number;
  cols: number;
}

export interface WorkbookResult extends CheckedWorkbook {
  id: string;
  findings: UiFinding[];
  sheets: SheetInfo[];
}

export type Request =
  | { type: "check-bytes"; id: string; name: string; bytes: ArrayBuffer; asOf?: number }
  | { type: "check-model"; id: string; model: WorkbookModel; asOf?: number }
  | { type: "rows"; id: string; sheet: string; from: number; count: number; cols: number }
  | { type: "annotate"; id: string; lang: Lang }
  | { type: "summary"; ids: string[]; lang: Lang }
  | { type: "cross"; ids: string[] }
  | { type: "template" }
  | { type: "forget"; id: string }
  /**
   * Write a review (审核意见) for the finding with `fingerprint` of workbook `id`: kept for the
   * downloaded copy; answered with the workbook checked again with it applied.
   */
  | { type: "review"; id: string; fingerprint: string; input: ReviewInput }
  /**
   * Compare the checked workbook `id` (the later submission; `label` names it in messages, e.g.
   * the open workbook) with an earlier one: a picked file's bytes, or another checked workbook.
   */
  | {
      type: "compare";
      id: string;
      label?: string;
      modified?: number;
      earlier: { name: string; bytes: ArrayBuffer; modified?: number } | { id: string };
    };

export type Response =
  | { type: "progress"; stage: "reading" | "checking"; id: string }
  | { type: "checked"; result: WorkbookResult }
  | { type: "rows"; rows: (string | null)[][] }
  | { type: "file"; bytes: ArrayBuffer }
  | { type: "cross"; cross: CrossFinding[] }
  | { type: "done" }
  | { type: "error"; error: Text }
  /** `later`: which side the comparison took as the later one (by reporting date). */
  | { type: "compared"; outcome: CompareOutcome; later: "current" | "earlier" };

/** A comparison, or why there is none (different projects, no dates, the picked file unreadable). */
export type CompareOutcome = ComparisonOutcome | { ok: false; reason: "unreadable"; error: Text };

export interface Envelope<T> {
  seq: number;
  body: T;
}
