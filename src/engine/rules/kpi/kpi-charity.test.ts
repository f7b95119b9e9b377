import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-CHARITY";
const AT = "慈善资源!A1:E1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** The fixture's one resource: 2024-06-01, 5,000 yuan. */
const resource = (fx: Fixture) => fx.tables.CharityResources![0];
/** The same 5,000 yuan as two rows of 2,500; the second can then be moved around. */
function twoHalves(): Fixture {
  const fx = compliantFixture();
  resource(fx).value = 2500;
  fx.tables.CharityResources!.push({
    date: "2024-07-01",
    source: "爱心企业",
    form: "物资",
    value: 2500,
    use: "助老",
  });
  return fx;
}

describe(RULE, () => {
  it("passes with exactly 5,000 yuan linked, in one row or added up over several", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
    expect(findingsOf(checkFixture(twoHalves()), RULE)).toEqual([]);
  });

  it("fails one yuan short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    resource(fx).value = 4999;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 4999, target: 5000 }]]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count a resource %s, and says one record was left out", (_, date) => {
    const fx = twoHalves();
    fx.tables.CharityResources![1].date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 2500, target: 5000 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 5000, target: 5000, expected: 2500, neededPerMonth: 0, projected: 10000 }],
    ]);
  });

  it("warns below target x elapsed in the interim, and not at exactly that", () => {
    const fx = compliantFixture();
    resource(fx).value = 2500;
    expect(verdicts(checkFixture(fx, { asOf: "2024-08-31" }))).toEqual([
      [
        "info",
        { actual: 2500, target: 5000, expected: 2500, neededPerMonth: 417, projected: 5000 },
      ],
    ]);
    resource(fx).value = 2499;
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`]);
    expect(verdicts(report)).toEqual([
      [
        "warning",
        { actual: 2499, target: 5000, expected: 2500, neededPerMonth: 417, projected: 4998 },
      ],
    ]);
  });

  it("is not checked, rather than passed, without the 折合金额 column", () => {
    const fx = compliantFixture();
    resource(fx).value = 1; // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["CharityResources.value"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
