import {
  compliantFixture,
  toModel,
  validId,
  type Fixture,
  type FixtureRow,
} from "../../testing/fixture";
import { checkWorkbook, crossCheck } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";
import type { ProjectFacts } from "../types";

const RULE = "X-STAFF";
const ruleset = bundledRuleSet();
const SHARED_ID = validId("1985-07-20", 77);

/** One checked workbook with its own staff ID numbers, plus the shared person as a third staff row (row 4). */
function project(n: number, township: string, shared: Partial<FixtureRow> | null): ProjectFacts {
  const fx: Fixture = compliantFixture();
  fx.info.ProjectCode = `P-${n}`;
  fx.info.Township = township;
  fx.tables.Staff!.forEach((s, i) => (s.idNumber = validId("1990-01-01", n * 10 + i)));
  if (shared) {
    fx.tables.Staff!.push({
      name: "戊",
      idNumber: SHARED_ID,
      post: "社工",
      employment: "专职",
      certLevel: "无",
      certNumber: null,
      careerStart: null,
      joined: "2024-03-01",
      left: null,
      otherProject: null,
      ...shared,
    });
  }
  return checkWorkbook(toModel(fx, {}, `p${n}.xlsx`), { ruleset }).facts;
}

const findings = (facts: ProjectFacts[]) =>
  crossCheck(facts, ruleset).filter((f) => f.rule === RULE);
const shown = (facts: ProjectFacts[]) =>
  findings(facts).map((f) => `${f.severity} ${f.refs.map((r) => `${r.file}!${r.cell}`).join(" ")}`);

describe(RULE, () => {
  it("flags a full-time person also listed on another project over an overlapping period", () => {
    const facts = [
      project(1, "站敏乡", { employment: "专职" }),
      project(2, "托克扎克镇", { employment: "兼职", joined: "2024-06-01", left: "2024-12-31" }),
    ];
    expect(shown(facts)).toEqual(["error p1.xlsx!B4 p2.xlsx!B4"]);
    // The ID is masked: first 6 and last 4 characters only.
    const masked = `${SHARED_ID.slice(0, 6)}********${SHARED_ID.slice(-4)}`;
    for (const text of Object.values(findings(facts)[0].message)) {
      expect(text).toContain(masked);
      expect(text).not.toContain(SHARED_ID);
    }
  });

  it("passes when the two periods do not overlap", () => {
    expect(
      shown([
        project(1, "站敏乡", { employment: "专职", left: "2024-05-31" }),
        project(2, "托克扎克镇", { employment: "专职", joined: "2024-06-01" }),
      ])
    ).toEqual([]);
  });

  it("passes a person who is part-time on both projects", () => {
    expect(
      shown([
        project(1, "站敏乡", { employment: "兼职" }),
        project(2, "托克扎克镇", { employment: "兼职" }),
      ])
    ).toEqual([]);
  });
});
