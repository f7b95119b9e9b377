import {
  compliantFixture,
  toModel,
  validId,
  VALID_USCC,
  type Fixture,
} from "../../testing/fixture";
import { checkWorkbook, crossCheck } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";
import { usccCheckChar } from "../../util/checkdigits";
import type { ProjectFacts } from "../types";

const RULE = "X-CONTRACTOR";
const ruleset = bundledRuleSet();
const OTHER_USCC = "52653121MJY2A3K5X" + usccCheckChar("52653121MJY2A3K5X");

/** One checked workbook; each project gets its own staff ID numbers so that no staff are shared. */
function project(n: number, info: Fixture["info"], file = `p${n}.xlsx`): ProjectFacts {
  const fx = compliantFixture();
  Object.assign(fx.info, info);
  fx.tables.Staff!.forEach((s, i) => (s.idNumber = validId("1990-01-01", n * 10 + i)));
  return checkWorkbook(toModel(fx, {}, file), { ruleset }).facts;
}

const findings = (facts: ProjectFacts[]) =>
  crossCheck(facts, ruleset)
    .filter((f) => f.rule === RULE)
    .map((f) => `${f.severity} ${f.refs.map((r) => `${r.file}!${r.cell}`).join(" ")}`);

describe(RULE, () => {
  it("passes a contractor holding 2 projects", () => {
    expect(
      findings([
        project(1, { ProjectCode: "P-1", Township: "站敏乡" }),
        project(2, { ProjectCode: "P-2", Township: "托克扎克镇" }),
        project(3, { ProjectCode: "P-3", Township: "乌帕尔镇", ContractorUSCC: OTHER_USCC }),
      ])
    ).toEqual([]);
  });

  it("flags a contractor holding 3 projects, pointing at each USCC cell", () => {
    expect(
      findings([
        project(1, { ProjectCode: "P-1", Township: "站敏乡" }),
        project(2, { ProjectCode: "P-2", Township: "托克扎克镇" }),
        project(3, { ProjectCode: "P-3", Township: "乌帕尔镇" }),
      ])
    ).toEqual(["error p1.xlsx!B6 p2.xlsx!B6 p3.xlsx!B6"]);
  });

  it("counts two submissions of one project once", () => {
    expect(
      findings([
        project(
          1,
          { ProjectCode: "P-1", Township: "站敏乡", AsOfDate: "2024-09-30" },
          "p1-interim.xlsx"
        ),
        project(1, { ProjectCode: "P-1", Township: "站敏乡" }),
        project(2, { ProjectCode: "P-2", Township: "托克扎克镇", ContractorUSCC: VALID_USCC }),
      ])
    ).toEqual([]);
  });
});
