import { compliantFixture, toModel, validId, type Fixture } from "../../testing/fixture";
import { checkWorkbook, crossCheck } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";
import type { ProjectFacts } from "../types";

const RULE = "X-PROGRAM";
const ruleset = bundledRuleSet();

/** One checked workbook; each project gets its own staff ID numbers so that no staff are shared. */
function project(n: number, info: Fixture["info"], file = `p${n}.xlsx`): ProjectFacts {
  const fx = compliantFixture();
  Object.assign(fx.info, { ProjectCode: `P-${n}` }, info);
  fx.tables.Staff!.forEach((s, i) => (s.idNumber = validId("1990-01-01", n * 10 + i)));
  return checkWorkbook(toModel(fx, {}, file), { ruleset }).facts;
}

const findings = (facts: ProjectFacts[]) =>
  crossCheck(facts, ruleset).filter((f) => f.rule === RULE);
const shown = (facts: ProjectFacts[]) =>
  findings(facts).map((f) => `${f.severity} ${f.refs.map((r) => `${r.file}!${r.cell}`).join(" ")}`);

describe(RULE, () => {
  // Each fixture is a 160,000-yuan project: three of them make exactly the 480,000 program fund.
  it("passes three projects at three sites totalling exactly 480,000", () => {
    expect(
      shown([
        project(1, { Township: "站敏乡" }),
        project(2, { Township: "托克扎克镇" }),
        project(3, { Township: "乌帕尔镇" }),
      ])
    ).toEqual([]);
  });

  it("flags amounts over 480,000, pointing at each ContractAmount cell", () => {
    const facts = [
      project(1, { Township: "站敏乡" }),
      project(2, { Township: "托克扎克镇" }),
      project(3, { Township: "乌帕尔镇", ContractAmount: 160001 }),
    ];
    expect(shown(facts)).toEqual(["error p1.xlsx!B10 p2.xlsx!B10 p3.xlsx!B10"]);
    expect(findings(facts)[0].figures).toEqual({ actual: 480001, cap: 480000 });
  });

  it("flags two projects at one site, pointing at each Township cell", () => {
    expect(
      shown([project(1, { Township: "乌帕尔镇" }), project(2, { Township: "乌帕尔镇" })])
    ).toEqual(["error p1.xlsx!B7 p2.xlsx!B7"]);
  });

  it.each([false, true])(
    "counts two submissions of one project once, keeping the later AsOfDate (later first: %s)",
    (laterFirst) => {
      // The interim submission alone would break both caps: 170,000 more yuan, and a second project at 站敏乡.
      const interim = project(
        1,
        { Township: "站敏乡", AsOfDate: "2024-09-30", ContractAmount: 170000 },
        "p1-interim.xlsx"
      );
      const final = project(1, { Township: "站敏乡" }, "p1-final.xlsx");
      const others = [project(2, { Township: "托克扎克镇" }), project(3, { Township: "乌帕尔镇" })];
      const facts = laterFirst ? [final, interim, ...others] : [interim, final, ...others];
      expect(shown(facts)).toEqual(["info p1-final.xlsx!B4 p1-interim.xlsx!B4"]);
      const { message } = findings(facts)[0];
      expect(message.zh).toContain("p1-interim.xlsx");
      expect(message.en).toContain("p1-interim.xlsx");
    }
  );
});
