import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-FAMILY";
const AT = "婚姻家庭档案!A1:D1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** The fixture's 5 婚姻家庭辅导 files follow its 20 婚嫁新风宣传 files: 2024-05-01, then every 30 days. */
const counselling = (fx: Fixture) =>
  fx.tables.FamilyFiles!.filter((f) => f.type === "婚姻家庭辅导");
const removeCounselling = (fx: Fixture, n: number) => {
  for (const f of counselling(fx).slice(0, n))
    fx.tables.FamilyFiles!.splice(fx.tables.FamilyFiles!.indexOf(f), 1);
};

describe(RULE, () => {
  it("passes with exactly 5 family-counselling files", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one file short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    removeCounselling(fx, 1);
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 4, target: 5 }]]);
  });

  it("does not count a one-to-one marriage file", () => {
    const fx = compliantFixture();
    counselling(fx)[0].type = "婚嫁新风宣传";
    expect(verdicts(checkFixture(fx))).toEqual([["error", { actual: 4, target: 5 }]]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count a file %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    counselling(fx)[0].date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 4, target: 5 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    // All five files fall by 2024-08-29.
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 5, target: 5, expected: 3, neededPerMonth: 0, projected: 10 }],
    ]);
  });

  it("warns when behind schedule in the interim, and not at 3 of 3 due", () => {
    const fx = compliantFixture();
    removeCounselling(fx, 2);
    expect(verdicts(checkFixture(fx, { asOf: "2024-08-31" }))).toEqual([
      ["info", { actual: 3, target: 5, expected: 3, neededPerMonth: 1, projected: 6 }],
    ]);
    removeCounselling(fx, 1);
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["warning", { actual: 2, target: 5, expected: 3, neededPerMonth: 1, projected: 4 }],
    ]);
  });

  it("is not checked, rather than passed, without the 婚姻家庭档案 sheet", () => {
    const fx = compliantFixture();
    removeCounselling(fx, 1); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutSheets: ["婚姻家庭档案"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
