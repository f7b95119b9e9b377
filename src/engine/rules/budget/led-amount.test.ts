import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "LED-AMOUNT";

// Ledger amounts are in column F; fixture index i lands on row i + 2.

describe(RULE, () => {
  it("passes with positive amounts, however small, and numbers stored as text", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = 0.01; // just above zero
    fx.tables.Ledger![1].amount = "10,000.00"; // read with a WB-VALUE warning, not this rule
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("flags an empty, an unreadable and a zero amount as errors (not WB-VALUE as well)", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = null;
    fx.tables.Ledger![1].amount = "abc";
    fx.tables.Ledger![2].amount = 0;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([
      "error 支出台账!F2",
      "error 支出台账!F3",
      "error 支出台账!F4",
    ]);
    expect(findingsOf(report, "WB-VALUE")).toEqual([]);
  });

  it("warns about a negative amount whose 摘要 does not say it is a refund", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![3].amount = -500;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["warning 支出台账!F5"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ amount: -500 });
  });

  it("accepts a negative amount whose 摘要 says it is a refund", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![3].amount = -500;
    fx.tables.Ledger![3].summary = "工资退款";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Ledger.amount"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it.each([
    "活动物资退货",
    "退费",
    "冲红",
    "红冲上月多付",
    "冲销",
    "更正前笔",
    "返还押金",
    "Refund",
  ])("accepts a negative amount described as %p", (summary) => {
    const fx = compliantFixture();
    fx.tables.Ledger![3].amount = -500;
    fx.tables.Ledger![3].summary = summary;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("does not take 冲印 (photo printing) for a reversal", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![3].amount = -500;
    fx.tables.Ledger![3].summary = "照片冲印";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["warning 支出台账!F5"]);
  });
});
