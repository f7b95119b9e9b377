/**
 * What a rule is: its metadata (ID, area, kind, source clause, messages) and its check,
 * kept in one file per rule, the way typescript-eslint keeps its rules.
 */
import type { Figures, Finding, CrossFinding, Severity } from "../findings";
import type { Text } from "../i18n";
import type { RuleSet } from "../rulesets/ruleset";
import type { NameKey, TableName } from "../contract/tables";
import type { NamedValue, ProjectData, TableData, Value } from "../read/project";
import type { Stage } from "../stage";
import type { Recalculated, CellKey } from "../formulas/evaluate";
import type { SubmissionsInput } from "../diff/types";

export type Area = "budget" | "staff" | "kpi" | "data" | "cross" | "submissions";

export const AREAS: Record<Area, Text> = {
  budget: { zh: "预算", en: "Budget" },
  staff: { zh: "人员与督导", en: "Staff and supervision" },
  kpi: { zh: "绩效指标", en: "Performance targets" },
  data: { zh: "数据与格式", en: "Data and format" },
  cross: { zh: "跨项目", en: "Across projects" },
  submissions: { zh: "报送变更", en: "Across submissions" },
};

export const AREA_ORDER: Area[] = ["budget", "staff", "kpi", "data", "cross", "submissions"];

/** cap: a maximum, error once exceeded; target: a minimum due by the end; always: holds throughout. */
export type RuleKind = "cap" | "target" | "always";

/** 'Ledger' (the table), 'Ledger.amount' (a column) or 'name:AsOfDate' (a named value). */
export type Need = TableName | `${TableName}.${string}` | `name:${NameKey}`;

export interface RuleMeta {
  id: string;
  area: Area;
  kind: RuleKind;
  /** Severities the rule can give, as rules.md states them. */
  severities: Severity[];
  /** Clause of the plan the rule comes from, e.g. '三.1' or '特别提示 2'. */
  clause: string;
  title: Text;
  /** One line on how to put a finding of this rule right. */
  fix: Text;
  /** The rule in words, with the rule set's numbers: used for the instructions sheet and help. */
  describe(ruleset: RuleSet): Text;
}

/** A KPI figure for summaries: what was reached against what is due. */
export interface Measure {
  label: Text;
  unit: Text;
  actual: number;
  target: number;
}

export interface RuleContext {
  ruleset: RuleSet;
  stage: Stage;
  project: ProjectData;
  /** A table the rule named in `needs` (always present when the rule runs). */
  table(name: TableName): TableData;
  /** A named value; undefined when it cannot be found. */
  named(key: NameKey): NamedValue | undefined;
  value(key: NameKey): Value;
  /** Recalculate formula cells with HyperFormula (Excel semantics). */
  recalculate(cells: readonly CellKey[]): Map<string, Recalculated>;
}

/** A finding as a rule returns it; the runner adds the rule ID. */
export type RuleFinding = Omit<Finding, "rule"> & { figures?: Figures };

export interface ProjectRule extends RuleMeta {
  scope: "project";
  needs: Need[];
  check(ctx: RuleContext): RuleFinding[];
  /** Target rules give the figures behind their verdict, for summaries. */
  measure?(ctx: RuleContext): Measure[];
}

/** What cross-project rules see of one workbook. */
export interface ProjectFacts {
  file: string;
  code: string | null;
  name: string | null;
  contractor: string | null;
  uscc: string | null;
  township: string | null;
  amount: number | null;
  asOf: number;
  /** Where the named values sit, for references. */
  cells: Partial<Record<NameKey, { sheet: string; cell: string }>>;
  staff: {
    name: string;
    idNumber: string;
    fullTime: boolean;
    joined: number | null;
    left: number | null;
    sheet: string;
    cell: string;
  }[];
}

export type CrossRuleFinding = Omit<CrossFinding, "rule">;

export interface CrossRule extends RuleMeta {
  scope: "cross";
  check(projects: ProjectFacts[], ruleset: RuleSet): CrossRuleFinding[];
}

/**
 * Rules over two submissions of one project (review-cycle.md section 1): run by the
 * comparison, never by the check of one workbook nor across projects.
 */
export interface SubmissionRule extends RuleMeta {
  scope: "submissions";
  check(input: SubmissionsInput): RuleFinding[];
}

export type Rule = ProjectRule | CrossRule | SubmissionRule;

export function defineRule(rule: Omit<ProjectRule, "scope">): ProjectRule {
  return { scope: "project", ...rule };
}

export function defineCrossRule(rule: Omit<CrossRule, "scope">): CrossRule {
  return { scope: "cross", ...rule };
}

export function defineSubmissionRule(rule: Omit<SubmissionRule, "scope">): SubmissionRule {
  return { scope: "submissions", ...rule };
}
