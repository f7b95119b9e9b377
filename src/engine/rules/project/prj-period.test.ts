import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";
import { bundledRuleSet } from "../../rulesets/ruleset";

const RULE = "PRJ-PERIOD";
// ContractStart sits in 项目信息!B8, ContractEnd in B9. The fixture runs 2024-03-01 to
// 2025-02-28: exactly the 12-month term (the day before the first anniversary).
const START = "项目信息!B8";
const END = "项目信息!B9";

function withPeriod(start: string | null, end: string | null) {
  const fx = compliantFixture();
  fx.info.ContractStart = start;
  fx.info.ContractEnd = end;
  return checkFixture(fx);
}

describe(RULE, () => {
  it("passes with a term of exactly 12 months", () => {
    expect(findingsOf(withPeriod("2024-03-01", "2025-02-28"), RULE)).toEqual([]);
  });

  it("fails a term one day longer, on the end date", () => {
    const report = withPeriod("2024-03-01", "2025-03-01");
    expect(findingsOf(report, RULE)).toEqual([`error ${END}`]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      latest: "2025-02-28",
      end: "2025-03-01",
    });
  });

  it("keeps the edge when the start is a month end", () => {
    // First anniversary of 2024-01-31 is 2025-01-31, so the term ends by 2025-01-30.
    expect(findingsOf(withPeriod("2024-01-31", "2025-01-30"), RULE)).toEqual([]);
    expect(findingsOf(withPeriod("2024-01-31", "2025-01-31"), RULE)).toEqual([`error ${END}`]);
  });

  it("counts 2024-02-29 to 2025-02-28 as one year (the anniversary of 29 February is 1 March)", () => {
    expect(findingsOf(withPeriod("2024-02-29", "2025-02-28"), RULE)).toEqual([]);
    expect(findingsOf(withPeriod("2024-02-29", "2025-03-01"), RULE)).toEqual([`error ${END}`]);
  });

  it("fails an end before the start", () => {
    expect(findingsOf(withPeriod("2024-03-01", "2024-02-29"), RULE)).toEqual([`error ${END}`]);
  });

  it("accepts a one-day contract (end on the start day)", () => {
    expect(findingsOf(withPeriod("2024-03-01", "2024-03-01"), RULE)).toEqual([]);
  });

  it("reports each missing date once, under PRJ-PERIOD and not WB-VALUE as well", () => {
    const report = withPeriod(null, null);
    expect(findingsOf(report, RULE)).toEqual([`error ${START}`, `error ${END}`]);
    const value = findingsOf(report, "WB-VALUE");
    expect(value).not.toContain(`error ${START}`);
    expect(value).not.toContain(`error ${END}`);
  });

  it("reports an unreadable date as an error on its cell", () => {
    const report = withPeriod("2024-13-01", "2025-02-28");
    expect(findingsOf(report, RULE)).toEqual([`error ${START}`]);
    expect(findingsOf(report, "WB-VALUE")).not.toContain(`error ${START}`);
  });

  it("takes the term from the rule set", () => {
    const base = bundledRuleSet();
    const ruleset = { ...base, project: { ...base.project, termMonths: 6 } };
    expect(findingsOf(checkFixture(compliantFixture(), { ruleset }), RULE)).toEqual([
      `error ${END}`,
    ]);
  });

  it("is not checked, rather than passed, without the 项目信息 sheet", () => {
    const fx = compliantFixture();
    fx.info.ContractEnd = "2026-03-01";
    const report = checkFixture(fx, { layout: { withoutSheets: ["项目信息"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
