/** A comparison of two submissions of one project, as every face (CLI, summary, pane) shows it. */
import type { Finding } from "../findings";
import type { Text } from "../i18n";
import type { TableName } from "../contract/tables";
import type { Stage } from "../stage";
import type { Shown } from "./values";

export interface FieldChange {
  field: string;
  /** The template's header, and its English. */
  header: Text;
  old: Shown;
  new: Shown;
}

export interface RowChange {
  change: "added" | "removed" | "changed";
  /** The fields that name the row ("凭证号 P-3，日期 2024-05-15"), IDs masked. */
  label: Text;
  /** One-based sheet rows in each submission (null where the row is not). */
  earlierRow: number | null;
  laterRow: number | null;
  /** The later workbook's sheet, or the earlier one's for a table gone from the later one. */
  sheet: string;
  /** In the later workbook: the first changed cell, an added row's date (or first) cell. */
  cell: string | null;
  /** Changed fields with old and new values (changed rows only). */
  fields: FieldChange[];
  /** Reported history: the change is a retroactive one (rule SUB-RETRO). */
  retro: boolean;
}

export interface TableComparison {
  table: TableName;
  sheet: string;
  title: Text;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  retro: number;
  /** Set when the table could not be read in one submission: its rows are not compared. */
  missingIn?: "earlier" | "later";
  rows: RowChange[];
}

export interface ComparedSubmission {
  file: string;
  asOf: number;
  stage: Stage["kind"];
  /** File modification time (ms), when the host gave it. */
  modified: number | null;
}

/** What the comparison tells without a rule: equal reporting dates, duplicate keys. */
export interface ComparisonNote {
  kind: "same-as-of" | "duplicate-keys" | "order";
  message: Text;
}

/** A KPI then and now: the figure reached and what was due by each reporting date. */
export interface KpiChange {
  rule: string;
  label: Text;
  unit: Text;
  target: number;
  earlier: number | null;
  later: number | null;
  dueEarlier: number | null;
  dueLater: number | null;
}

export interface BudgetChange {
  category: string;
  label: Text;
  limit: number;
  kind: "max" | "min";
  planned: { earlier: number | null; later: number | null };
  actual: { earlier: number | null; later: number | null };
}

export interface FindingsComparison {
  new: Finding[];
  resolved: Finding[];
  persisting: Finding[];
  /** How many of each: the lists may be cut short where a comparison is kept small (summary). */
  counts: { new: number; resolved: number; persisting: number };
}

export interface Comparison {
  project: { code: string; name: string | null };
  earlier: ComparedSubmission;
  later: ComparedSubmission;
  notes: ComparisonNote[];
  /** Named values of 项目信息 that changed (the reporting date apart). */
  info: FieldChange[];
  tables: TableComparison[];
  /** SUB-RETRO findings, on the later workbook. */
  findings: Finding[];
  kpis: KpiChange[];
  budget: BudgetChange[] | null;
  checks: FindingsComparison;
}

export type ComparisonOutcome =
  | { ok: true; comparison: Comparison }
  | {
      ok: false;
      reason: "different-projects" | "no-code" | "no-as-of";
      error: Text;
    };

/** What rules over two submissions see: the tables compared and the earlier reporting date. */
export interface SubmissionsInput {
  earlier: ComparedSubmission;
  later: ComparedSubmission;
  /** The earlier submission's own reporting date: rows dated up to it were reported. */
  reportedUpTo: number;
  tables: TableComparison[];
}

/** For the bureau's summary: a project's last two submissions compared, or why they were not. */
export interface SubmissionsCompared {
  code: string;
  name: string | null;
  earlier: string;
  later: string;
  comparison: Comparison | null;
  error: Text | null;
}
