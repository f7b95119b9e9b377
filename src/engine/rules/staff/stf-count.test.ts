import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "STF-COUNT";
// The fixture reports as of 2025-03-05 and has exactly 2 full-time staff (甲, 乙) on post.
const STAFF_HEADER = "error 人员!A1:J1";

describe(RULE, () => {
  it("passes with exactly 2 full-time staff on post", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails with only 1 full-time staff member (the other is part-time)", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].employment = "兼职";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([STAFF_HEADER]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ actual: 1, target: 2 });
  });

  // In the interim, staffing is judged on AsOfDate itself.
  const INTERIM = { asOf: "2024-10-15" };

  it("counts someone who leaves on AsOfDate as still on post", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].left = "2024-10-15";
    expect(findingsOf(checkFixture(fx, INTERIM), RULE)).toEqual([]);
  });

  it("does not count someone who left the day before AsOfDate", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].left = "2024-10-14";
    expect(findingsOf(checkFixture(fx, INTERIM), RULE)).toEqual([STAFF_HEADER]);
  });

  it("counts someone who joins on AsOfDate, not someone who joins the day after", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].joined = "2024-10-15";
    expect(findingsOf(checkFixture(fx, INTERIM), RULE)).toEqual([]);
    fx.tables.Staff![1].joined = "2024-10-16";
    expect(findingsOf(checkFixture(fx, INTERIM), RULE)).toEqual([STAFF_HEADER]);
  });

  it("after the contract has ended, judges staffing on the contract end (staff leaving with the contract were on post)", () => {
    const fx = compliantFixture(); // reports as of 2025-03-05, contract ended 2025-02-28
    fx.tables.Staff![1].left = "2025-02-28";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
    fx.tables.Staff![1].left = "2025-02-27";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([STAFF_HEADER]);
  });

  it("reads the synonym 全职 as full-time", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].employment = "全职";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, without the employment column", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].employment = "兼职"; // would fail if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.employment"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("is not checked, rather than passed, without the 离岗日期 column", () => {
    // rules.md defines "on post" by 离岗日期; without that column nobody can be shown to have
    // left, so the rule cannot run and must say so instead of passing.
    const fx = compliantFixture();
    fx.tables.Staff![1].left = "2024-06-30"; // gone with the column
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.left"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("is not checked without the 人员 sheet", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["人员"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
