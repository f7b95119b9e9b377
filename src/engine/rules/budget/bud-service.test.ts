import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";
import type { ProjectReport } from "../../check";

const RULE = "BUD-SERVICE";

// The compliant fixture plans 40,000 of 服务性支出 (预算!B3) and pays it in four rows of 10,000
// (ledger indexes 10-13, rows 12-15), dated 2024-04-20, 06-19, 08-18 and 10-17.
// The target verdict sits on the actual cell 预算!C3. Contract: 2024-03-01 to 2025-02-28.

const figures = (report: ProjectReport) =>
  report.findings.filter((f) => f.rule === RULE).map((f) => f.figures);

describe(RULE, () => {
  it("passes at the final stage with plan and spending exactly at 40,000", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a plan one yuan below the floor on the plan cell", () => {
    const fx = compliantFixture();
    fx.budget["服务性支出"] = 39999;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!B3"]);
    expect(figures(report)).toEqual([{ planned: 39999, min: 40000 }]);
  });

  it("is an error at the final stage when spending is one yuan short", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![13].amount = 9999;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!C3"]);
    expect(figures(report)).toEqual([{ actual: 39999, target: 40000 }]);
  });

  it("is final on ContractEnd itself and interim the day before", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![13].amount = 9999;
    expect(findingsOf(checkFixture(fx, { asOf: "2025-02-28" }), RULE)).toEqual(["error 预算!C3"]);
    // 2025-02-27: 11 of 12 months elapsed, 36,666.67 expected, 39,999 is ahead of it.
    const before = checkFixture(fx, { asOf: "2025-02-27" });
    expect(findingsOf(before, RULE)).toEqual(["info/progress 预算!C3"]);
    expect(figures(before)).toEqual([
      { actual: 39999, target: 40000, expected: 36667, neededPerMonth: 1, projected: 43635.27 },
    ]);
  });

  it("does not count payments dated before the contract start or undated, and says how many", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![10].date = "2024-02-29";
    fx.tables.Ledger![11].date = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!C3", "info 预算!C3"]);
    expect(figures(report)).toEqual([{ actual: 20000, target: 40000 }, { excluded: 2 }]);
  });

  describe("interim, as of 2024-08-31 (6 of 12 months: 20,000 expected)", () => {
    // Drop the 08-18 payment so that exactly 20,000 is paid by the reporting date; the
    // 10-17 payment is after it, so it is left out and an info says so.
    function interim(): Fixture {
      const fx = compliantFixture();
      fx.tables.Ledger!.splice(12, 1);
      return fx;
    }

    it("shows progress as info when spending is exactly on schedule", () => {
      const report = checkFixture(interim(), { asOf: "2024-08-31" });
      expect(findingsOf(report, RULE)).toEqual(["info/progress 预算!C3", "info 预算!C3"]);
      expect(figures(report)).toEqual([
        { actual: 20000, target: 40000, expected: 20000, neededPerMonth: 3334, projected: 40000 },
        { excluded: 1 },
      ]);
    });

    it("warns when spending is one yuan behind schedule", () => {
      const fx = interim();
      fx.tables.Ledger![11].amount = 9999;
      const report = checkFixture(fx, { asOf: "2024-08-31" });
      expect(findingsOf(report, RULE)).toEqual(["warning 预算!C3", "info 预算!C3"]);
      expect(figures(report)).toEqual([
        { actual: 19999, target: 40000, expected: 20000, neededPerMonth: 3334, projected: 39998 },
        { excluded: 1 },
      ]);
    });
  });

  it("is not checked, rather than passed, when the ledger has no date column", () => {
    const fx = compliantFixture();
    fx.budget["服务性支出"] = 0; // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.date"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("gives the budget sheet's own figure and why it differs, in the same finding", () => {
    const fx = compliantFixture();
    // Interim, as of 2024-09-30: the October payment (10,000) counts on the sheet, not here.
    const report = checkFixture(fx, { asOf: "2024-09-30" });
    expect(findingsOf(report, RULE)).toEqual(["info/progress 预算!C3", "info 预算!C3"]);
    const verdict = report.findings.find((f) => f.rule === RULE)!;
    expect(verdict.figures).toMatchObject({ actual: 30_000 });
    expect(verdict.message.zh).toContain(
      "预算表 预算!C3 显示 40,000 元，与此处的 30,000 元不同，因为其中 10,000 元的支出日期早于合同开始日期、晚于报告截止日期或未填写，不计入。"
    );
    expect(verdict.message.en).toContain("shows 40,000 yuan in 预算!C3, not 30,000");
  });

  it("says nothing more when the figures agree", () => {
    const report = checkFixture(compliantFixture(), { asOf: "2024-12-31" });
    const verdict = report.findings.find((f) => f.rule === RULE)!;
    expect(verdict.message.zh).not.toContain("预算表");
  });
});
