import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-SERVICES";
const AT = "服务活动!A1:G1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** The fixture's Activities start with its 10 professional services, dated 2024-04-10 then every 25 days. */
const service1 = (fx: Fixture) => fx.tables.Activities![0];

describe(RULE, () => {
  it("passes with exactly 10 professional service activities", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one activity short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    fx.tables.Activities!.shift();
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 9, target: 10 }]]);
  });

  it("counts an activity hosted under the contractor's own name", () => {
    const fx = compliantFixture();
    service1(fx).host = fx.info.Contractor!;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  // The 20 社区服务 activities hosted by the organisations are in the fixture all along; none may count.
  it.each<[string, (fx: Fixture) => void]>([
    ["hosted by a community organisation", (fx) => void (service1(fx).host = "测试社区组织1")],
    ["of type 社区服务, even when hosted by 本机构", (fx) => void (service1(fx).type = "社区服务")],
    ["of type 志愿服务", (fx) => void (service1(fx).type = "志愿服务")],
  ])("does not count an activity %s", (_, change) => {
    const fx = compliantFixture();
    change(fx);
    expect(verdicts(checkFixture(fx))).toEqual([["error", { actual: 9, target: 10 }]]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count an activity %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    service1(fx).date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 9, target: 10 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    // Six activities fall by 2024-08-13; the four from 2024-09-07 on are after the reporting date.
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`, `info ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 6, target: 10, expected: 5, neededPerMonth: 1, projected: 12 }],
      ["info", { excluded: 4 }],
    ]);
  });

  it("warns when behind schedule in the interim", () => {
    const fx = compliantFixture();
    fx.tables.Activities!.splice(0, 2);
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`, `info ${AT}`]);
    expect(verdicts(report)[0]).toEqual([
      "warning",
      { actual: 4, target: 10, expected: 5, neededPerMonth: 1, projected: 8 },
    ]);
    // Pace: the 6 still needed over the 6 whole months left.
    const f = report.findings.find((x) => x.rule === RULE)!;
    expect(f.message.zh).toContain("此后每月需完成 1场（剩余 6 个月）。");
    expect(f.message.en).toContain("1 a month needed from now on (6 months left).");
  });

  it("asks for the whole gap when no whole month is left", () => {
    const fx = compliantFixture();
    // 2024-03-15 to 2025-03-10: 11 whole months, all of them elapsed by 2025-03-05.
    fx.info.ContractStart = "2024-03-15";
    fx.info.ContractEnd = "2025-03-10";
    fx.tables.Activities!.splice(0, 3);
    const f = checkFixture(fx, { asOf: "2025-03-05" }).findings.find((x) => x.rule === RULE)!;
    expect(f.figures).toMatchObject({ actual: 7, neededPerMonth: 3 });
    expect(f.message.zh).toContain("合同期内还需完成 3场。");
  });

  it("is not checked, rather than passed, without the 主办方 column", () => {
    const fx = compliantFixture();
    fx.tables.Activities!.shift(); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Activities.host"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
