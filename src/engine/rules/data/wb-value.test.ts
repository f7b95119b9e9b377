import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";
import { parseIsoDate } from "../../util/dates";

const RULE = "WB-VALUE";

describe(RULE, () => {
  it("passes values stored as their own types", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("reads numbers stored as text, with a warning on each cell", () => {
    const fx = compliantFixture();
    const rows = fx.tables.Activities!;
    rows[0].beneficiaries = "1,200.00";
    rows[1].beneficiaries = "１２００";
    rows[2].beneficiaries = "¥1200";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([
      "warning 服务活动!F2",
      "warning 服务活动!F3",
      "warning 服务活动!F4",
    ]);
    expect(
      report.project.tables.Activities!.rows.slice(0, 3).map((r) => r.v.beneficiaries)
    ).toEqual([1200, 1200, 1200]);
  });

  it("reads dates stored as text, with a warning on each cell", () => {
    const fx = compliantFixture();
    // The same days the fixture has (2024-04-10, 2024-05-05), typed as text.
    fx.tables.Activities![0].date = "2024/4/10";
    fx.tables.Activities![1].date = "2024年5月5日";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["warning 服务活动!A2", "warning 服务活动!A3"]);
    expect(report.project.tables.Activities!.rows[1].v.date).toBe(parseIsoDate("2024-05-05"));
  });

  it("reads synonyms and options with stray spaces, with a warning on each cell", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].employment = "全职";
    fx.tables.Staff![0].certLevel = "助理社会工作师";
    fx.tables.Staff![1].employment = " 专职 ";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([
      "warning 人员!D2",
      "warning 人员!E2",
      "warning 人员!D3",
    ]);
    expect(report.project.tables.Staff!.rows.map((r) => [r.v.employment, r.v.certLevel])).toEqual([
      ["专职", "初级"],
      ["专职", "无"],
    ]);
    // Read as 专职 and 初级, both still count toward the staffing rules.
    expect(findingsOf(report, "STF-COUNT")).toEqual([]);
    expect(findingsOf(report, "STF-QUALIFIED")).toEqual([]);
  });

  it("is an error on each cell that cannot be read, and on each empty required field", () => {
    const fx = compliantFixture();
    const rows = fx.tables.Activities!;
    rows[0].date = "下周";
    rows[1].type = "讲座";
    rows[2].beneficiaries = "若干";
    rows[3].title = null;
    rows[4].host = "   ";
    // May be blank by the contract: no finding.
    rows[5].evidence = null;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([
      "error 服务活动!A2",
      "error 服务活动!C3",
      "error 服务活动!F4",
      "error 服务活动!B5",
      "error 服务活动!D6",
    ]);
  });

  it("skips blank rows inside a table", () => {
    const fx = compliantFixture();
    fx.tables.Activities!.splice(3, 0, {}, { date: "", title: "  ", type: null });
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(report.project.tables.Activities!.rows).toHaveLength(30);
  });

  it("leaves fields with rules of their own to those rules: one problem, one finding", () => {
    const fx = compliantFixture();
    const ledger = fx.tables.Ledger!;
    ledger[0].date = null;
    ledger[1].category = null;
    ledger[2].amount = null;
    ledger[3].amount = "待定";
    fx.tables.Staff![1].idNumber = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "LED-DATE")).toEqual(["error 支出台账!A2"]);
    expect(findingsOf(report, "LED-CATEGORY")).toEqual(["error 支出台账!C3"]);
    expect(findingsOf(report, "LED-AMOUNT")).toEqual(["error 支出台账!F4", "error 支出台账!F5"]);
    expect(findingsOf(report, "STF-ID")).toEqual(["error 人员!B3"]);
  });
});
