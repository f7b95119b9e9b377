import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-BENEFICIARIES";
const AT = "服务活动!A1:G1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/**
 * The fixture's Activities start with its 10 professional services of 20 beneficiaries each
 * (2024-04-10, then every 25 days); its 20 社区服务 activities add another 200 that must not count.
 */
const service1 = (fx: Fixture) => fx.tables.Activities![0];

describe(RULE, () => {
  it("passes with exactly 200 beneficiaries of professional services", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one beneficiary short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    service1(fx).beneficiaries = 19;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 199, target: 200 }]]);
  });

  it("does not count the beneficiaries of an activity hosted by a community organisation", () => {
    const fx = compliantFixture();
    service1(fx).host = "测试社区组织1";
    expect(verdicts(checkFixture(fx))).toEqual([["error", { actual: 180, target: 200 }]]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count an activity %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    service1(fx).date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 180, target: 200 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it("lists the rows the note on records outside the period speaks of", () => {
    const report = checkFixture(compliantFixture(), { asOf: "2024-09-01" });
    const note = report.findings.find((f) => f.rule === RULE && f.figures?.excluded);
    // The four professional services dated after the reporting date, each with its reason.
    expect(note?.evidence?.map((e) => [e.counted, e.reason?.zh])).toEqual(
      Array(4).fill([false, "日期晚于报告截止日期"])
    );
    const main = report.findings.find((f) => f.rule === RULE && f.figures?.actual !== undefined);
    const leftForDate = main?.evidence?.filter((e) => e.reason?.zh === "日期晚于报告截止日期");
    expect(note?.evidence?.map((e) => e.row)).toEqual(leftForDate?.map((e) => e.row));
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    // Six activities of 20 fall by 2024-08-13; four are after the reporting date.
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`, `info ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 120, target: 200, expected: 100, neededPerMonth: 14, projected: 240 }],
      ["info", { excluded: 4 }],
    ]);
  });

  it("warns when behind schedule in the interim", () => {
    const fx = compliantFixture();
    for (const a of fx.tables.Activities!.slice(0, 6)) a.beneficiaries = 16;
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`, `info ${AT}`]);
    expect(verdicts(report)[0]).toEqual([
      "warning",
      { actual: 96, target: 200, expected: 100, neededPerMonth: 18, projected: 192 },
    ]);
  });

  it("is not checked, rather than passed, without the 受益人数 column", () => {
    const fx = compliantFixture();
    fx.tables.Activities!.shift(); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Activities.beneficiaries"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
