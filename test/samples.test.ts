/**
 * The sample workbooks produce exactly the findings they were built to produce, and across
 * them every rule of the catalog is broken at least once.
 */
import { readFileSync } from "fs";
import { basename, join } from "path";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { checkWorkbook, crossCheck, type ProjectReport } from "../src/engine/check";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { RULES } from "../src/engine/rules/catalog";
import { SAMPLES, CROSS_EXPECTED } from "../scripts/samples";
import { parseIsoDate } from "../src/engine/util/dates";
import { submissionOf } from "../src/engine/diff/snapshot";
import { compareSubmissions } from "../src/engine/diff/compare";
import type { Comparison } from "../src/engine/diff/types";
import { countBySeverity } from "../src/engine/findings";

const dir = join(__dirname, "..", "workbooks", "samples");
const ruleset = bundledRuleSet();
const reports = new Map<string, ProjectReport>();

function report(file: string): ProjectReport {
  let r = reports.get(file);
  if (!r) {
    const path = join(dir, file);
    r = checkWorkbook(readWorkbookModel(new Uint8Array(readFileSync(path)), file), { ruleset });
    reports.set(file, r);
  }
  return r;
}

const EARLIER = "06-zhanmin-interim-earlier.xlsx";
const LATER = "02-zhanmin-interim-behind.xlsx";

function comparison(a: string, b: string): Comparison {
  const out = compareSubmissions(submissionOf(report(a)), submissionOf(report(b)));
  if (!out.ok) throw new Error(out.error.en);
  return out.comparison;
}

function line(f: ProjectReport["findings"][number]): string {
  return `${f.rule} ${f.severity}${f.status ? `/${f.status}` : ""} ${f.sheet ? `${f.sheet}!${f.cell}` : "-"}`;
}

describe.each(SAMPLES.map((s) => [s.file, s] as const))("sample %s", (file, sample) => {
  it("gives exactly the findings it was built for", () => {
    expect(report(file).findings.map(line).sort()).toEqual([...sample.expected].sort());
  });
});

describe("the samples together", () => {
  it("give the cross-project findings they were built for", () => {
    const cross = crossCheck(
      SAMPLES.map((s) => report(s.file).facts),
      ruleset
    );
    const lines = cross.map(
      (f) =>
        `${f.rule} ${f.severity} ${[...new Set(f.refs.map((r) => basename(r.file)))].sort().join(", ")}`
    );
    expect(lines.sort()).toEqual([...CROSS_EXPECTED].sort());
  });

  it("break every rule of the catalog at least once", () => {
    const broken = new Set<string>();
    for (const s of SAMPLES)
      for (const f of report(s.file).findings) if (f.severity !== "info") broken.add(f.rule);
    for (const f of crossCheck(
      SAMPLES.map((s) => report(s.file).facts),
      ruleset
    ))
      if (f.severity !== "info") broken.add(f.rule);
    // Rules over two submissions: 06 is an earlier submission of 02's project.
    for (const f of comparison(EARLIER, LATER).findings) broken.add(f.rule);
    // A rule that only informs (REV-STALE) cannot be broken; its own tests show it.
    const missing = RULES.filter((r) => r.severities.some((s) => s !== "info"))
      .map((r) => r.id)
      .filter((id) => !broken.has(id));
    expect(missing).toEqual([]);
  });

  it("include two submissions of one project, the later correcting a reported ledger row", () => {
    const c = comparison(LATER, EARLIER);
    expect([basename(c.earlier.file), basename(c.later.file)]).toEqual([EARLIER, LATER]);
    expect(c.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      "SUB-RETRO warning 支出台账!F21",
    ]);
    expect(c.findings[0].message.zh).toContain("金额 4,800 → 4,600");
    const ledger = c.tables.find((t) => t.table === "Ledger")!;
    expect([ledger.added, ledger.removed, ledger.changed]).toEqual([4, 0, 1]);
  });

  it("include in the later submission (02) a finding the bureau accepted in 审核意见", () => {
    const later = report(LATER);
    const accepted = later.findings.filter((f) => f.review?.accepted);
    expect(accepted.map(line)).toEqual(["KPI-CONTEST warning 大赛!A1:E1"]);
    const review = accepted[0].review!;
    expect(review).toMatchObject({
      decision: "认可",
      by: "阿依古丽·买买提",
      date: "2024-10-21",
      fingerprint: accepted[0].fingerprint,
      sheet: "审核意见",
      row: 2,
    });
    expect(review.reason).toContain("疏民函〔2024〕35 号");
    expect(review.explanation).toContain("推迟");
    // Counted apart, never hidden; the row applies, so nothing is stale or malformed.
    expect(countBySeverity(later.findings).accepted).toBe(1);
    expect(later.reviews?.rows).toHaveLength(1);
    for (const s of SAMPLES)
      expect(
        report(s.file).findings.filter((f) => f.rule === "REV-STALE" || f.sheet === "审核意见")
      ).toEqual([]);
    // The earlier submission has no review rows: its contest finding stands open.
    expect(report(EARLIER).findings.some((f) => f.review)).toBe(false);
  });

  it("include a compliant project at its final stage and a mid-term project behind schedule", () => {
    const compliant = report("01-wupaer-final-compliant.xlsx");
    expect(compliant.stage.kind).toBe("final");
    expect(compliant.findings).toEqual([]);
    const behind = report("02-zhanmin-interim-behind.xlsx");
    expect(behind.stage.kind).toBe("interim");
    expect(
      behind.findings.filter((f) => f.rule.startsWith("KPI-") && f.severity === "warning").length
    ).toBeGreaterThanOrEqual(5);
  });
});

describe("the hand-kept sample", () => {
  it("is read as its clerk meant it: figures, not the rows that only look like data", () => {
    const r = report("07-tokezhake-hand-kept.xlsx");
    const p = r.project;
    expect(r.stage.kind).toBe("final");
    // 16万元, the names scoped to 项目信息, the value typed into its label's cell.
    expect(r.facts.amount).toBe(160_000);
    expect(r.facts.code).toBe("SFMZ-FC-2024-07");
    expect(p.names.AsOfDate?.value).toBe(parseIsoDate("2025-03-05"));
    expect(p.names.ProjectName?.loc.foundBy).toBe("name");
    expect(p.names.ContractAmount?.loc.foundBy).toBe("label");
    // The ledger: 金额 read from its own column, not 金额（大写）; subtotals, repeated headers
    // and the grand total left out, the returned purchase kept as a refund.
    const ledger = p.tables.Ledger!;
    expect(ledger.loc.headers[ledger.loc.columns.amount]).toBe("金额 Amount");
    expect(ledger.rows).toHaveLength(51);
    expect(ledger.skipped.map((s) => s.kind)).toEqual([
      "total",
      "header",
      "total",
      "header",
      "total",
    ]);
    const spent = Object.fromEntries(r.budget!.map((b) => [b.category, b.actual]));
    expect(spent).toEqual({
      人力成本: 94_800,
      服务性支出: 45_500,
      评估及其他: 18_000,
      total: 158_300,
    });
    // 无 / 否 / "/" mean nothing; an ID typed in groups is one ID.
    expect(p.tables.Staff!.rows.map((s) => s.v.otherProject)).toEqual([null, null, null]);
    expect(p.tables.Staff!.rows[0].v.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(p.tables.Staff!.rows.map((s) => s.v.left)).toEqual([null, null, null]);
    // The charity total row is not a second 5,400 yuan.
    const charity = r.measures.find((m) => m.rule === "KPI-CHARITY")!.measures[0];
    expect(charity.actual).toBe(5_400);
  });
});
