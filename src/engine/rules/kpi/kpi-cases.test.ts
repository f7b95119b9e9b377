import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-CASES";
const AT = "典型案例!A1:C1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** The fixture's 3 cases are completed on 2024-11-21, 2024-12-11 and 2024-12-31. */
const cases = (fx: Fixture) => fx.tables.Cases!;

describe(RULE, () => {
  it("passes with exactly 3 typical cases", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one case short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    cases(fx).pop();
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 2, target: 3 }]]);
  });

  it.each([
    ["completed before ContractStart", "2024-02-29"],
    ["completed after AsOfDate", "2025-03-06"],
    ["without a completion date", null],
  ])("does not count a case %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    cases(fx)[0].completedOn = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 2, target: 3 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])(
    "warns at half time with no case completed yet (as of %s)",
    (asOf) => {
      // All three cases are completed after the reporting date: 0 where 1.5 are due.
      const report = checkFixture(compliantFixture(), { asOf });
      expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`, `info ${AT}`]);
      expect(verdicts(report)).toEqual([
        ["warning", { actual: 0, target: 3, expected: 2, neededPerMonth: 1, projected: 0 }],
        ["info", { excluded: 3 }],
      ]);
    }
  );

  it("shows progress in the interim once target x elapsed is reached, counting a case completed on AsOfDate", () => {
    const fx = compliantFixture();
    cases(fx)[0].completedOn = "2024-07-01";
    cases(fx)[1].completedOn = "2024-08-31";
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(verdicts(report)).toEqual([
      ["info", { actual: 2, target: 3, expected: 2, neededPerMonth: 1, projected: 4 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it("is not checked, rather than passed, without the 完成日期 column", () => {
    const fx = compliantFixture();
    cases(fx).pop(); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Cases.completedOn"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
