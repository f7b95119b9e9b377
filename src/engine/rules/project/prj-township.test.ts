import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";
import { bundledRuleSet } from "../../rulesets/ruleset";

const RULE = "PRJ-TOWNSHIP";
// Township sits in 项目信息!B7.
const AT = "项目信息!B7";

describe(RULE, () => {
  it("passes with each of the rule set sites", () => {
    for (const site of ["站敏乡", "托克扎克镇", "乌帕尔镇"]) {
      const fx = compliantFixture();
      fx.info.Township = site;
      expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
    }
  });

  it("is an error for a township outside the sites", () => {
    const fx = compliantFixture();
    fx.info.Township = "吾库萨克镇";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([`error ${AT}`]);
  });

  it("reports a blank township once, under PRJ-TOWNSHIP and not WB-VALUE as well", () => {
    const fx = compliantFixture();
    fx.info.Township = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(findingsOf(report, "WB-VALUE")).not.toContain(`error ${AT}`);
  });

  it("takes the list of sites from the rule set, not from code", () => {
    const base = bundledRuleSet();
    const ruleset = { ...base, program: { ...base.program, sites: ["站敏乡"] } };
    expect(findingsOf(checkFixture(compliantFixture(), { ruleset }), RULE)).toEqual([
      `error ${AT}`,
    ]);
  });

  it("is not checked, rather than passed, without the 项目信息 sheet", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["项目信息"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
