import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "BUD-PERSONNEL";

describe(RULE, () => {
  it("passes with plan and spending exactly at the cap", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a plan one yuan over the cap on the plan cell", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 100001;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 预算!B2"]);
  });

  it("flags the ledger row at which the running total first crosses the cap", () => {
    const fx = compliantFixture();
    // Personnel rows are 10 x 10,000 in date order (rows 2-11); one more yuan on the 10th row crosses.
    fx.tables.Ledger![9].amount = 10001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 100001,
      cap: 100000,
      excess: 1,
    });
  });

  it("orders payments by date, not by sheet row, to find the crossing", () => {
    const fx = compliantFixture();
    // An early payment typed at the bottom of the ledger: in date order it comes first, so the
    // last payment in time (row 11), not the bottom row, is the one that goes over.
    fx.tables.Ledger!.push({
      date: "2024-03-02",
      voucher: "P-X",
      category: "人力成本",
      subject: "工资",
      summary: "补发",
      amount: 500,
      payee: "员工",
    });
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 200000;
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.amount"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["error 支出台账!A1:F1"]);
  });

  it("explains, in the finding, why the budget sheet shows less: an amount typed as text", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![9].amount = "10,001";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
    const f = report.findings.find((x) => x.rule === RULE)!;
    expect(f.message.zh).toContain(
      "预算表 预算!C2 显示 90,000 元，与此处的 100,001 元不同，因为有 10,001 元的金额以文本形式保存，预算表公式未计入。"
    );
  });
});
