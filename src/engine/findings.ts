import type { Text } from "./i18n";

export type Severity = "error" | "warning" | "info";

export type Figures = Record<string, number | string>;

export interface Finding {
  rule: string;
  severity: Severity;
  /** Present only when the rule could not run: 'not-checked'. */
  status?: "not-checked";
  sheet?: string;
  /** A1 address or range; absent when only a table or named value can be named. */
  cell?: string;
  /** The table or defined name the finding is about, when no single cell is. */
  target?: string;
  message: Text;
  figures?: Figures;
}

/** A place in one workbook of a multi-workbook run. */
export interface FileRef {
  file: string;
  sheet?: string;
  cell?: string;
}

export interface CrossFinding {
  rule: string;
  severity: Severity;
  message: Text;
  refs: FileRef[];
  figures?: Figures;
}

/** Severity in words, for every writer (notes, summary sheets, the annotated copy). */
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countBySeverity(findings: readonly { severity: Severity; status?: string }[]) {
  const counts = { error: 0, warning: 0, info: 0, notChecked: 0 };
  for (const f of findings) {
    if (f.status === "not-checked") counts.notChecked += 1;
    counts[f.severity] += 1;
  }
  return counts;
}
