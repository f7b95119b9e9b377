import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "SUP-EXTERNAL";
// The external supervisor 丁 (row 1, sheet row 3) holds 中级 and has been in social work since
// 2023-03-05: exactly 2 years on AsOfDate 2025-03-05. 督导 columns: D 证书等级, F 从业起始日期.

describe(RULE, () => {
  it("passes with 中级 and exactly 2 years of experience", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags the start date when experience is one day short of 2 years", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].careerStart = "2023-03-06";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 督导!F3"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ years: 1, target: 2 });
  });

  it("flags the certificate level when it is below 中级", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].certLevel = "初级";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 督导!D3"]);
  });

  it("accepts 高级", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].certLevel = "高级";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("does not let a qualified internal supervisor stand in for the external one", () => {
    // 丙 (internal) is 中级 with experience since 2015; with no external supervisor the rule fails.
    const fx = compliantFixture();
    fx.tables.Supervisors![1].kind = "内部";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 督导!A1:G1"]);
  });

  it("is not checked, rather than passed, without the 从业起始日期 column", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].careerStart = "2024-12-01";
    const report = checkFixture(fx, { layout: { withoutColumns: ["Supervisors.careerStart"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
