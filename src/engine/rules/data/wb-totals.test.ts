import { checkFixture, compliantFixture, findingsOf, toModel } from "../../testing/fixture";
import { checkWorkbook } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";

const RULE = "WB-TOTALS";

describe(RULE, () => {
  it("passes when the template formulas and the data agree", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("warns on the budget cells that miss a ledger amount stored as text", () => {
    const fx = compliantFixture();
    // A personnel payment (row 2) typed as text: SUMIFS skips it, the reader counts it.
    fx.tables.Ledger![0].amount = "10000";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["warning 预算!C2", "warning 预算!C5"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      shown: 90000,
      expected: 100000,
    });
    // The cached values are what Excel computes, so this is not a formula problem.
    expect(findingsOf(report, "WB-FORMULA")).toEqual([]);
  });

  it("warns on the budget cells that miss a ledger row with a synonym category", () => {
    const fx = compliantFixture();
    // The first service payment (row 12) filed under a synonym of 服务性支出.
    fx.tables.Ledger![10].category = "活动支出";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["warning 预算!C3", "warning 预算!C5"]);
  });

  it("warns on the planned total when a planned amount is stored as text", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = "100000";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["warning 预算!B5"]);
  });

  it("leaves a formula replaced by a constant to WB-FORMULA", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = "10000";
    const model = toModel(fx);
    model.sheets.find((s) => s.name === "预算")!.rows[1][2] = { v: 90000 };
    const report = checkWorkbook(model, { ruleset: bundledRuleSet() });
    expect(findingsOf(report, RULE)).toEqual(["warning 预算!C5"]);
    expect(findingsOf(report, "WB-FORMULA")).toEqual(["error 预算!C2"]);
  });
});
