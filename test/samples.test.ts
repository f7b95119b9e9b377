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
    const missing = RULES.map((r) => r.id).filter((id) => !broken.has(id));
    expect(missing).toEqual([]);
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
