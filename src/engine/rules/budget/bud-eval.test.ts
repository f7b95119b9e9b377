import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "BUD-EVAL";

// In the compliant fixture, 评估及其他 is planned at 20,000 and paid in two rows of 10,000:
// row 16 (2024-09-01) and row 17 (2025-01-29). Ledger amounts are in column F.

describe(RULE, () => {
  it("passes with plan and spending exactly at the 20,000 cap", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a plan one yuan over the cap on the plan cell", () => {
    const fx = compliantFixture();
    fx.budget["评估及其他"] = 20001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!B4"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      planned: 20001,
      cap: 20000,
    });
  });

  it("flags spending one yuan over the cap on the payment that crosses it", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![15].amount = 10001; // row 17
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F17"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 20001,
      cap: 20000,
      excess: 1,
    });
  });

  it("points at the first payment over the cap, not the last one", () => {
    const fx = compliantFixture();
    // The first evaluation payment alone already exceeds the cap, so row 16 is named.
    fx.tables.Ledger![14].amount = 20001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F16"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 30001,
      cap: 20000,
      excess: 10001,
    });
  });

  it("counts a synonym category (评估费用) toward 评估及其他", () => {
    const fx = compliantFixture();
    fx.tables.Ledger!.push({
      date: "2025-02-01",
      voucher: "E-3",
      category: "评估费用",
      subject: "评估费",
      summary: "评估",
      amount: 1,
      payee: "协会",
    });
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 支出台账!F18"]);
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const fx = compliantFixture();
    fx.budget["评估及其他"] = 30000; // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.amount"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
