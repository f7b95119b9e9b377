import { checkFixture, compliantFixture, findingsOf, toModel } from "../../testing/fixture";
import { checkWorkbook } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";
import { parseIsoDate } from "../../util/dates";
import type { ProjectReport } from "../../check";
import type { WorkbookModel } from "../../model";

const RULE = "WB-STRUCTURE";

const check = (model: WorkbookModel) => checkWorkbook(model, { ruleset: bundledRuleSet() });
const sheet = (model: WorkbookModel, name: string) => model.sheets.find((s) => s.name === name)!;
const errors = (report: ProjectReport) =>
  report.findings.filter((f) => f.severity === "error").map((f) => f.rule);

describe(RULE, () => {
  it("passes the template layout", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("reports a missing sheet once; the rules needing it are not checked, with no errors of their own", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["支出台账"] } });
    expect(findingsOf(report, RULE)).toEqual(["error -!-"]);
    expect(findingsOf(report, "LED-AMOUNT")).toEqual(["info/not-checked -!-"]);
    expect(findingsOf(report, "BUD-PERSONNEL")).toEqual(["info/not-checked -!-"]);
    expect(findingsOf(report, "WB-TOTALS")).toEqual(["info/not-checked -!-"]);
    expect(errors(report)).toEqual([RULE]);
  });

  it("reports a missing 项目信息 sheet once, not once per named value", () => {
    // Contract: "A missing sheet or table is one clear finding". All nine named values live on this sheet.
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["项目信息"] } });
    expect(findingsOf(report, RULE)).toEqual(["error -!-"]);
    expect(findingsOf(report, "PRJ-TOWNSHIP")).toEqual(["info/not-checked -!-"]);
  });

  it("warns when a table is found only by its header row, even below a title row", () => {
    const model = toModel(compliantFixture(), { withoutTableObjects: ["Activities"] });
    // A title and an empty row above the header: the header is now row 3.
    sheet(model, "服务活动").rows.unshift([{ v: "服务活动登记表" }], []);
    const report = check(model);
    expect(findingsOf(report, RULE)).toEqual(["warning 服务活动!A3"]);
    // The data under it was read: the services and beneficiaries targets are still met exactly.
    expect(findingsOf(report, "KPI-SERVICES")).toEqual([]);
    expect(findingsOf(report, "KPI-BENEFICIARIES")).toEqual([]);
  });

  it("warns when a defined name is gone but its label in column A is there, and reads the value", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutNames: ["AsOfDate"] } });
    expect(findingsOf(report, RULE)).toEqual(["warning 项目信息!B11"]);
    expect(report.facts.asOf).toBe(parseIsoDate("2025-03-05"));
  });

  it("is an error when a required column is missing, and the rules needing it are not checked", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Staff.employment"] },
    });
    // The header row of the nine remaining columns.
    expect(findingsOf(report, RULE)).toEqual(["error 人员!A1:I1"]);
    expect(findingsOf(report, "STF-COUNT")).toEqual(["info/not-checked -!-"]);
    expect(errors(report)).toEqual([RULE]);
  });

  it.each([
    ["with", []],
    ["without", ["warning 服务活动!A1"]],
  ])(
    "maps reordered headers with glosses, parentheses and units %s the table object",
    (_, expected) => {
      const model = toModel(compliantFixture(), {
        withoutTableObjects: expected.length ? ["Activities"] : [],
      });
      const activities = sheet(model, "服务活动");
      // Template order: 日期 活动名称 活动类型 主办方 服务对象 受益人数 佐证材料. Move whole columns.
      const order = [5, 3, 0, 6, 2, 1, 4];
      activities.rows = activities.rows.map((row) => order.map((c) => row[c]));
      activities.rows[0] = [
        "受益人数（人）",
        "主办方 (Host)",
        "活动日期 Date",
        "佐证材料",
        " 活动类型 ",
        "活动名称\nActivity",
        "服务对象（Served group）",
      ].map((v) => ({ v }));
      // The contract's own example of a unit suffix, with full-width parentheses.
      sheet(model, "支出台账").rows[0][5] = { v: "金额（元）" };
      const report = check(model);
      expect(findingsOf(report, RULE)).toEqual(expected);
      // Read from the right columns: no unreadable cells, and beneficiaries still sum to exactly 200.
      expect(findingsOf(report, "WB-VALUE")).toEqual([]);
      expect(findingsOf(report, "KPI-BENEFICIARIES")).toEqual([]);
      expect(findingsOf(report, "LED-AMOUNT")).toEqual([]);
      expect(report.project.tables.Activities!.rows[0].v.beneficiaries).toBe(20);
    }
  );
});
