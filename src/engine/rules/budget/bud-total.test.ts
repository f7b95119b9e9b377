import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "BUD-TOTAL";

// The compliant fixture spends exactly 160,000 (the grant and the contract amount) and plans
// 160,000. The last payment in date order is row 17 (2025-01-29); the plan total is 预算!B5.

describe(RULE, () => {
  it("passes with ledger, plan and contract exactly at the 160,000 grant", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags ledger spending one yuan over the grant on the payment that takes it over", () => {
    const fx = compliantFixture();
    // One extra yuan typed at the bottom (row 18) but paid early: in date order the total
    // crosses with the last payment in time, row 17, not with the bottom row.
    fx.tables.Ledger!.push({
      date: "2024-03-02",
      voucher: "X-1",
      category: "服务性支出",
      subject: "交通",
      summary: "交通",
      amount: 1,
      payee: "车队",
    });
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F17"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 160001,
      limit: 160000,
    });
  });

  it("flags a budget plan one yuan over the grant on the plan total", () => {
    const fx = compliantFixture();
    fx.budget["服务性支出"] = 40001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!B5"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      planned: 160001,
      limit: 160000,
    });
  });

  it("holds both totals to a contract amount below the grant", () => {
    const fx = compliantFixture();
    fx.info.ContractAmount = 159999;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F17", "error 预算!B5"]);
    expect(report.findings.filter((f) => f.rule === RULE).map((f) => f.figures)).toEqual([
      { actual: 160000, limit: 159999 },
      { planned: 160000, limit: 159999 },
    ]);
  });

  it("still caps at the grant when the contract amount is above it", () => {
    const fx = compliantFixture();
    fx.info.ContractAmount = 170000; // itself a PRJ-AMOUNT error; it must not raise this limit
    fx.tables.Ledger![15].amount = 10001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F17"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 160001,
      limit: 160000,
    });
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const fx = compliantFixture();
    fx.budget["服务性支出"] = 90000; // plan total 210,000: an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.amount"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
