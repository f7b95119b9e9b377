import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-MARRIAGE";
const AT = "婚姻家庭档案!A1:D1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** FamilyFiles start with the fixture's 20 婚嫁新风宣传 files: 2024-04-01, then every 14 days. */
const file1 = (fx: Fixture) => fx.tables.FamilyFiles![0];

describe(RULE, () => {
  it("passes with exactly 20 one-to-one files", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one file short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    fx.tables.FamilyFiles!.shift();
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 19, target: 20 }]]);
  });

  it("does not count a family-counselling file", () => {
    const fx = compliantFixture();
    file1(fx).type = "婚姻家庭辅导";
    expect(verdicts(checkFixture(fx))).toEqual([["error", { actual: 19, target: 20 }]]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count a file %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    file1(fx).date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 19, target: 20 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    // Eleven files fall by 2024-08-19; the nine from 2024-09-02 on are after the reporting date.
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`, `info ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 11, target: 20, expected: 10, neededPerMonth: 2, projected: 22 }],
      ["info", { excluded: 9 }],
    ]);
  });

  it("warns when behind schedule in the interim", () => {
    const fx = compliantFixture();
    fx.tables.FamilyFiles!.splice(0, 2);
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`, `info ${AT}`]);
    expect(verdicts(report)[0]).toEqual([
      "warning",
      { actual: 9, target: 20, expected: 10, neededPerMonth: 2, projected: 18 },
    ]);
  });

  it("is not checked, rather than passed, without the 档案类型 column", () => {
    const fx = compliantFixture();
    fx.tables.FamilyFiles!.shift(); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["FamilyFiles.type"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
