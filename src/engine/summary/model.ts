/**
 * The bureau's summary as data: one builder for every writer (the CLI's xlsx and CSV, the
 * add-in's 汇总-合规 sheet, the standalone page's download).
 */
import { countBySeverity, type Counts, type CrossFinding, type Finding } from "../findings";
import { wholeDue } from "../rules/_shared/target";
import type { Text } from "../i18n";
import type { RuleSet } from "../rulesets/ruleset";
import type { Stage } from "../stage";
import type { Measure, ProjectFacts } from "../rules/types";
import type { BudgetLine } from "./budget";
import { countedProjects } from "../rules/_shared/projects";
import type { ReviewSheet } from "../reviews/model";
import type { SubmissionsCompared } from "../diff/types";
import { capPace, neededPerMonth, projectedAtEnd } from "../pace";

/** One checked workbook as every host and the summary see it (no workbook model). */
export interface CheckedWorkbook {
  file: string;
  stage: Stage;
  findings: Finding[];
  facts: ProjectFacts;
  /** KPI figures of every target rule that could run. */
  measures: { rule: string; measures: Measure[] }[];
  /** Plan, spending and limit per budget category (null when unreadable). */
  budget: BudgetLine[] | null;
  /** The 审核意见 sheet as read, for writers of review rows; absent without one (or --no-reviews). */
  reviews?: ReviewSheet;
}

export type Status = "ok" | "attention" | "fail";

export interface KpiLine {
  rule: string;
  label: Text;
  unit: Text;
  actual: number;
  target: number;
  /** What is due by the reporting date: target x elapsed rounded up (the target itself at the final stage). */
  expected: number;
  attainment: number;
  status: Status;
  /** Interim only (null at the final stage): what is needed per whole month left, rounded up. */
  neededPerMonth: number | null;
  /** Interim only: the figure at ContractEnd at the average rate so far. */
  projected: number | null;
}

export interface ProjectSummary {
  file: string;
  facts: ProjectFacts;
  stage: Stage;
  /** Another submission of the same project, with a later reporting date, counts instead. */
  supersededBy: string | null;
  budget: BudgetLine[] | null;
  kpis: KpiLine[];
  counts: Counts;
  /**
   * Overall: the workbook's own findings and the cross-project findings that name it (a
   * project of a contractor over its limit is not compliant, however clean its workbook).
   */
  status: Status;
  findings: Finding[];
  /** Status from the workbook's own findings alone. */
  ownStatus: Status;
  /** Cross-project findings that name this workbook, and their counts. */
  cross: CrossFinding[];
  crossCounts: Counts;
}

export interface Unreadable {
  file: string;
  error: Text;
}

export interface SummaryModel {
  ruleset: { id: string; title: Text };
  projects: ProjectSummary[];
  program: {
    /** Contract amounts of the counted projects (later submission of each project code). */
    totalAmount: number;
    fund: number;
    totalSpent: number;
    sites: { site: string; projects: number; max: number }[];
  };
  cross: CrossFinding[];
  unreadable: Unreadable[];
  /** Each project submitted more than once: its last two submissions compared (汇总-变更). */
  changes?: SubmissionsCompared[];
}

export const STATUS_TEXT: Record<Status, Text & { symbol: string }> = {
  ok: { zh: "合规", en: "Compliant", symbol: "✔" },
  attention: { zh: "需关注", en: "Attention", symbol: "▲" },
  fail: { zh: "不合规", en: "Not compliant", symbol: "✖" },
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function kpiLines(w: Pick<CheckedWorkbook, "measures" | "stage">): KpiLine[] {
  const lines: KpiLine[] = [];
  for (const { rule, measures } of w.measures) {
    for (const m of measures) {
      const expected = wholeDue(m.target, w.stage.elapsed);
      const attainment = m.target > 0 ? m.actual / m.target : 1;
      const status: Status =
        m.actual >= m.target
          ? "ok"
          : w.stage.kind === "final"
            ? "fail"
            : m.actual >= m.target * w.stage.elapsed - 1e-9
              ? "ok"
              : "attention";
      lines.push({
        rule,
        label: m.label,
        unit: m.unit,
        actual: m.actual,
        target: m.target,
        expected,
        attainment,
        status,
        neededPerMonth:
          w.stage.kind === "interim" ? neededPerMonth(w.stage, m.actual, m.target) : null,
        projected: projectedAtEnd(w.stage, m.actual),
      });
    }
  }
  return lines;
}

/**
 * How a budget line stands: the room left under a cap (or above a floor), and its status. A
 * floor not yet reached is only a matter for attention before the final stage.
 */
export function budgetStanding(
  line: BudgetLine,
  stage: Pick<Stage, "kind">
): { headroom: number; status: Status } {
  const headroom =
    Math.round((line.kind === "max" ? line.limit - line.actual : line.actual - line.limit) * 100) /
    100;
  const status: Status =
    headroom >= 0 ? "ok" : line.kind === "min" && stage.kind !== "final" ? "attention" : "fail";
  return { headroom, status };
}

/**
 * A capped budget line's spending at ContractEnd at the average monthly rate so far
 * (review-cycle.md section 3); null for a floor, at the final stage, or before a whole month.
 */
export function projectedSpending(line: BudgetLine, stage: Stage): number | null {
  if (line.kind !== "max") return null;
  return capPace(stage, line.actual, line.limit)?.projected ?? null;
}

export function statusOf(counts: Pick<Counts, "error" | "warning">): Status {
  return counts.error > 0 ? "fail" : counts.warning > 0 ? "attention" : "ok";
}

export function buildSummary(
  workbooks: CheckedWorkbook[],
  unreadable: Unreadable[],
  cross: CrossFinding[],
  ruleset: RuleSet
): SummaryModel {
  const { counted, setAside } = countedProjects(workbooks.map((w) => w.facts));
  const superseded = new Map(setAside.map((s) => [s.dropped.file, s.kept.file] as const));
  const projects: ProjectSummary[] = workbooks.map((w) => {
    const counts = countBySeverity(w.findings);
    const named = cross.filter((f) => f.refs.some((r) => r.file === w.file));
    // The program's total over the fund names every project but faults none of them.
    const crossCounts = countBySeverity(named.filter((f) => f.scope !== "program"));
    return {
      file: w.file,
      facts: w.facts,
      stage: w.stage,
      supersededBy: superseded.get(w.file) ?? null,
      budget: w.budget,
      kpis: kpiLines(w),
      counts,
      status: statusOf({
        error: counts.error + crossCounts.error,
        warning: counts.warning + crossCounts.warning,
      }),
      findings: w.findings,
      ownStatus: statusOf(counts),
      cross: named,
      crossCounts,
    };
  });
  const countedFiles = new Set(counted.map((c) => c.file));
  let totalAmount = 0;
  let totalSpent = 0;
  const sites = new Map<string, number>();
  for (const p of projects) {
    if (!countedFiles.has(p.file)) continue;
    totalAmount += p.facts.amount ?? 0;
    totalSpent += p.budget?.find((b) => b.category === "total")?.actual ?? 0;
    if (p.facts.township) sites.set(p.facts.township, (sites.get(p.facts.township) ?? 0) + 1);
  }
  return {
    ruleset: { id: ruleset.id, title: ruleset.title },
    projects,
    program: {
      totalAmount: round(totalAmount),
      fund: ruleset.program.totalFund,
      totalSpent: round(totalSpent),
      sites: ruleset.program.sites.map((site) => ({
        site,
        projects: sites.get(site) ?? 0,
        max: ruleset.program.maxProjectsPerSite,
      })),
    },
    cross,
    unreadable,
  };
}

/** A sheet-safe, unique short name for a project: its code, else its file name. */
export function projectKey(p: ProjectSummary): string {
  const base =
    p.facts.code ??
    p.file
      .split(/[\\/]/)
      .pop()!
      .replace(/\.xlsx?$/i, "");
  return base.replace(/[[\]:*?/\\']/g, "_");
}
