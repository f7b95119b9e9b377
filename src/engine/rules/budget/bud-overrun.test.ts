import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "BUD-OVERRUN";

// In the compliant fixture each category's spending equals its plan: 人力成本 10 x 10,000
// (rows 2-11, one a month from 2024-03-15), 服务性支出 4 x 10,000 (rows 12-15).

describe(RULE, () => {
  it("passes when every category spends exactly its plan", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("warns when a category spends one yuan over its own plan", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![13].amount = 10001; // row 15, last service payment
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["warning 支出台账!F15"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      category: "服务性支出",
      actual: 40001,
      planned: 40000,
    });
  });

  it("measures against the plan, not the cap, and names the first payment over it", () => {
    const fx = compliantFixture();
    // Personnel spending stays within the 100,000 cap, but the plan is 85,000:
    // the 9th payment (row 10) brings it to 90,000, the first total over the plan.
    fx.budget["人力成本"] = 85000;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["warning 支出台账!F10"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      category: "人力成本",
      actual: 100000,
      planned: 85000,
    });
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 85000; // would be a warning if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.amount"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
