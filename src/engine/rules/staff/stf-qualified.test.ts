import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "STF-QUALIFIED";
// The fixture's only qualified person is 甲 (row 0): 初级, in social work since 2023-03-05,
// which is exactly 2 years on AsOfDate 2025-03-05.
const STAFF_HEADER = "error 人员!A1:J1";

describe(RULE, () => {
  it("passes with a 初级 certificate and exactly 2 years of experience", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails when the experience is one day short of 2 years", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].careerStart = "2023-03-06";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([STAFF_HEADER]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ actual: 0, target: 1 });
  });

  it("fails without a certificate even with long experience", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].certLevel = "无";
    fx.tables.Staff![0].certNumber = null;
    fx.tables.Staff![0].careerStart = "2010-01-01";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([STAFF_HEADER]);
  });

  it("accepts a higher certificate, given by its synonym", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].certLevel = "社会工作师"; // = 中级
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("needs certificate and experience in the same person", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].careerStart = "2024-01-01"; // 甲: certificate, too little experience
    fx.tables.Staff![1].careerStart = "2010-01-01"; // 乙: experience, no certificate
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([STAFF_HEADER]);
  });

  it("does not count a qualified person who is part-time", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].employment = "兼职";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([STAFF_HEADER]);
  });

  it("does not count a qualified person who left before the day staffing is judged on", () => {
    const fx = compliantFixture();
    // The report (2025-03-05) comes after the contract end (2025-02-28), the day staffing is judged on.
    fx.tables.Staff![0].left = "2025-02-27";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([STAFF_HEADER]);
    fx.tables.Staff![0].left = "2025-02-28";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, without the 从业起始日期 column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Staff.careerStart"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("is not checked, rather than passed, without the 离岗日期 column", () => {
    // Whether the qualified person is still on post depends on 离岗日期 (see STF-COUNT).
    const fx = compliantFixture();
    fx.tables.Staff![0].left = "2024-06-30"; // gone with the column
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.left"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
