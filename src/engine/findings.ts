import type { Text } from "./i18n";
import type { FindingReview } from "./reviews/model";
import type { EvidenceRow, PayeeTotal } from "./evidence";

export type Severity = "error" | "warning" | "info";

export type Figures = Record<string, number | string>;

/**
 * 'not-checked': the rule could not run (a sheet or column is missing). 'progress': an interim
 * target on track or a cap not heading over, shown apart as progress, not counted as a problem.
 */
export type FindingStatus = "not-checked" | "progress";

/** What every finding says of its rule, for people: its name, the plan's clause, how to fix it. */
export interface RuleInfo {
  title?: Text;
  /** The plan's clause, as "三.1". */
  clause?: string;
  fix?: Text;
}

export interface Finding extends RuleInfo {
  rule: string;
  severity: Severity;
  status?: FindingStatus;
  sheet?: string;
  /** A1 address or range; absent when only a table or named value can be named. */
  cell?: string;
  /** The table or defined name the finding is about, when no single cell is. */
  target?: string;
  message: Text;
  figures?: Figures;
  /**
   * The rows behind a counted or summed figure (review-cycle.md section 4): each counted row,
   * and each row left out with its reason. Never part of the fingerprint.
   */
  evidence?: EvidenceRow[];
  /**
   * The evidence reduced to how many rows were counted and left out, where the rows themselves
   * are not needed (the CLI's text output and the summary): 50,000 entries cost ~10 MB to copy.
   */
  evidenceCount?: { counted: number; left: number };
  /** Personnel spending grouped by payee (收款方), largest first (BUD-PERSONNEL). */
  byPayee?: PayeeTotal[];
  /** Rule, location and figures hashed (reviews/fingerprint.ts); every finding of a check has one. */
  fingerprint?: string;
  /** The 审核意见 row that applies to this finding (same fingerprint). */
  review?: FindingReview;
  /**
   * No row applies, but one was written for the same rule and location with other figures:
   * the earlier explanation or decision no longer holds and the finding is open again.
   */
  earlierReview?: FindingReview;
}

/** A place in one workbook of a multi-workbook run. */
export interface FileRef {
  file: string;
  sheet?: string;
  cell?: string;
}

export interface CrossFinding extends RuleInfo {
  rule: string;
  /**
   * 'program': about the program as a whole (the projects together over the fund), naming every
   * project without faulting any one of them; absent: about the projects it names.
   */
  scope?: "program";
  severity: Severity;
  message: Text;
  refs: FileRef[];
  figures?: Figures;
  fingerprint?: string;
}

/** Severity in words, for every writer (notes, summary sheets, the annotated copy). */
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Counts {
  error: number;
  warning: number;
  /** Infos that are neither progress nor a rule not checked. */
  info: number;
  notChecked: number;
  progress: number;
  /** 已认可: accepted in 审核意见, counted apart from errors, warnings and infos (and the exit code). */
  accepted: number;
}

/**
 * Counts as people read them: rules not checked and progress on track are not 提示, and an
 * accepted finding counts only as 已认可.
 */
export function countBySeverity(
  findings: readonly { severity: Severity; status?: string; review?: { accepted: boolean } }[]
) {
  const counts: Counts = { error: 0, warning: 0, info: 0, notChecked: 0, progress: 0, accepted: 0 };
  for (const f of findings) {
    if (f.status === "not-checked") counts.notChecked += 1;
    else if (f.status === "progress") counts.progress += 1;
    else if (f.review?.accepted) counts.accepted += 1;
    else counts[f.severity] += 1;
  }
  return counts;
}

/**
 * A rule's clause as people read it: "依据 三.1" in Chinese; in English the plan's own
 * section numbers with its headings in English ("plan 三.1", "plan special note 3").
 */
export function clauseText(clause: string, lang: "zh" | "en"): string {
  if (lang === "zh") return `依据 ${clause}`;
  const en = clause
    .replace(/特别提示\s*/g, "special note ")
    .replace(/工作簿约定/g, "the workbook contract")
    .replace(/；/g, "; ");
  return `plan ${en}`;
}
