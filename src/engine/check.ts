/**
 * Running every rule of a rule set over one workbook, and the cross-project rules over
 * several: the engine's entry points, the same for every host.
 */
import type { WorkbookModel } from "./model";
import type { CrossFinding, Finding, RuleInfo } from "./findings";
import { SEVERITY_ORDER } from "./findings";
import type { RuleSet } from "./rulesets/ruleset";
import type { NameKey, TableName } from "./contract/tables";
import type { ProjectData } from "./read/project";
import { readProject, nameCell } from "./read/project";
import { notCheckedText } from "./read/describe-needs";
import { computeStage, type Stage } from "./stage";
import { cellKey, recalculate, type Recalculated } from "./formulas/evaluate";
import { todaySerial } from "./util/dates";
import type { ProjectFacts, ProjectRule, RuleContext, RuleMeta } from "./rules/types";
import { templateFormulaTargets } from "./rules/_shared/template-cells";
import { AREA_ORDER } from "./rules/types";
import { CROSS_RULES, PROJECT_RULES, ruleById } from "./rules/catalog";
import { a1, parseRange } from "./util/address";
import { budgetLines } from "./summary/budget";
import type { CheckedWorkbook } from "./summary/model";
import { crossFingerprintOf, fingerprintOf } from "./reviews/fingerprint";
import { reviewSheet } from "./reviews/read";
import { applyReviews } from "./reviews/apply";

export interface CheckOptions {
  ruleset: RuleSet;
  /** Overrides the workbook's AsOfDate (an evaluator checking as of a given day). */
  asOf?: number;
  /** Today, when neither the option nor the workbook gives a reporting date. */
  today?: number;
  /** false: check as if 审核意见 were absent, the bare result (--no-reviews). */
  reviews?: boolean;
}

/** A checked workbook: what every host and the summary use, plus the data it was read into. */
export interface ProjectReport extends CheckedWorkbook {
  project: ProjectData;
}

export function makeContext(
  project: ProjectData,
  ruleset: RuleSet,
  stage: Stage,
  // Several rules ask for the same template cells: HyperFormula is built once per batch of new cells.
  recalculated = new Map<string, Recalculated>()
): RuleContext {
  return {
    ruleset,
    stage,
    project,
    table(name: TableName) {
      const t = project.tables[name];
      if (!t) throw new Error(`rule asked for missing table ${name}`);
      return t;
    },
    named: (key: NameKey) => project.names[key],
    value: (key: NameKey) => project.names[key]?.value ?? null,
    recalculate(cells) {
      const fresh = cells.filter((c) => !recalculated.has(cellKey(c)));
      if (fresh.length)
        for (const [k, v] of recalculate(project.model, fresh)) recalculated.set(k, v);
      return new Map(cells.map((c) => [cellKey(c), recalculated.get(cellKey(c))!] as const));
    },
  };
}

/** What a rule needs and cannot find; a column of a missing table is the table. */
function missingNeeds(rule: ProjectRule, project: ProjectData): string[] {
  const missing = rule.needs
    .filter((need) => project.missing.has(need))
    .map((need) => {
      const table = need.split(".")[0];
      return need.includes(".") && project.missing.has(table) ? table : need;
    });
  return [...new Set(missing)];
}

/** The rule's name, clause and fix, carried by each of its findings. */
function ruleInfo(rule: RuleMeta): RuleInfo {
  return { title: rule.title, clause: rule.clause, fix: rule.fix };
}

function notChecked(rule: ProjectRule, missing: string[]): Finding {
  return {
    ...ruleInfo(rule),
    rule: rule.id,
    severity: "info",
    status: "not-checked",
    target: missing[0].replace(/^name:/, ""),
    message: notCheckedText(missing),
  };
}

function rowOf(cell: string | undefined): number {
  if (!cell) return -1;
  const r = parseRange(cell);
  return r ? r.start.row * 1000 + r.start.col : -1;
}

export function sortFindings<T extends Finding>(findings: T[]): T[] {
  const areaIndex = (id: string) => AREA_ORDER.indexOf(ruleById(id)?.area ?? "data");
  return findings.sort(
    (a, b) =>
      areaIndex(a.rule) - areaIndex(b.rule) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
      rowOf(a.cell) - rowOf(b.cell)
  );
}

function factsOf(file: string, project: ProjectData, asOf: number): ProjectFacts {
  const text = (k: NameKey) => {
    const v = project.names[k]?.value;
    return typeof v === "string" && v ? v : typeof v === "number" ? String(v) : null;
  };
  const cells: ProjectFacts["cells"] = {};
  for (const [key, named] of Object.entries(project.names)) {
    if (named) cells[key as NameKey] = { sheet: named.loc.sheet, cell: nameCell(named) };
  }
  const staff: ProjectFacts["staff"] = [];
  const table = project.tables.Staff;
  if (table && table.loc.columns.idNumber !== undefined) {
    for (const row of table.rows) {
      const id = row.v.idNumber;
      if (typeof id !== "string" || !id) continue;
      staff.push({
        name: String(row.v.name ?? ""),
        idNumber: id.toUpperCase(),
        fullTime: row.v.employment === "专职",
        joined: typeof row.v.joined === "number" ? row.v.joined : null,
        left: typeof row.v.left === "number" ? row.v.left : null,
        sheet: table.loc.sheet.name,
        cell: a1(row.row, table.loc.columns.idNumber),
      });
    }
  }
  const amount = project.names.ContractAmount?.value;
  return {
    file,
    code: text("ProjectCode"),
    name: text("ProjectName"),
    contractor: text("Contractor"),
    uscc: text("ContractorUSCC")?.toUpperCase() ?? null,
    township: text("Township"),
    amount: typeof amount === "number" ? amount : null,
    asOf,
    cells,
    staff,
  };
}

/** Check one workbook against a rule set. */
export function checkWorkbook(model: WorkbookModel, options: CheckOptions): ProjectReport {
  // The template's formulas first, before the project's rows and the rules' evidence exist:
  // HyperFormula's working memory (about 100 MB for a 50,000-row ledger) is then not stacked
  // on theirs, which lowers the check's peak memory (measured: 14 MB less at 50,000 rows).
  const early = recalculate(model, templateFormulaTargets(model, options.ruleset));
  const project = readProject(model, options.ruleset, { reviews: options.reviews });
  const asOfCell = project.names.AsOfDate?.value;
  const asOf =
    options.asOf ?? (typeof asOfCell === "number" ? asOfCell : (options.today ?? todaySerial()));
  const start = project.names.ContractStart?.value;
  const end = project.names.ContractEnd?.value;
  const stage = computeStage(
    asOf,
    typeof start === "number" ? start : null,
    typeof end === "number" ? end : null
  );
  const ctx = makeContext(project, options.ruleset, stage, early);
  const findings: Finding[] = [];
  const measures: ProjectReport["measures"] = [];
  for (const rule of PROJECT_RULES) {
    const missing = missingNeeds(rule, project);
    if (missing.length) {
      findings.push(notChecked(rule, missing));
      continue;
    }
    for (const f of rule.check(ctx)) findings.push({ rule: rule.id, ...f, ...ruleInfo(rule) });
    if (rule.measure) measures.push({ rule: rule.id, measures: rule.measure(ctx) });
  }
  const reviews = project.reviews ? reviewSheet(project.reviews) : undefined;
  if (reviews) findings.push(...reviews.findings.map(withInfo));
  for (const f of findings) f.fingerprint = fingerprintOf(f);
  if (reviews)
    for (const f of applyReviews(findings, reviews.sheet))
      findings.push({ ...withInfo(f), fingerprint: fingerprintOf(f) });
  return {
    file: model.source,
    stage,
    findings: sortFindings(findings),
    facts: factsOf(model.source, project, asOf),
    measures,
    budget: budgetLines(ctx),
    ...(reviews ? { reviews: reviews.sheet } : {}),
    project,
  };
}

/** A finding made outside its rule's check (the review step) with its rule's name, clause and fix. */
function withInfo(f: Finding): Finding {
  const rule = ruleById(f.rule);
  return rule ? { ...f, ...ruleInfo(rule) } : f;
}

/** Cross-project rules over several checked workbooks. */
export function crossCheck(facts: ProjectFacts[], ruleset: RuleSet): CrossFinding[] {
  const out: CrossFinding[] = [];
  for (const rule of CROSS_RULES)
    for (const f of rule.check(facts, ruleset)) {
      const finding: CrossFinding = { rule: rule.id, ...f, ...ruleInfo(rule) };
      out.push({ ...finding, fingerprint: crossFingerprintOf(finding) });
    }
  return out;
}
