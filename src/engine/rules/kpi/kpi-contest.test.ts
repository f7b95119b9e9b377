import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-CONTEST";
const AT = "大赛!A1:E1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);
const short = ["error", expect.objectContaining({ actual: 0, target: 1 })];

/** The fixture's one contest: 2024-07-20, 10 participating organisations. */
const contest = (fx: Fixture) => fx.tables.Contests![0];

describe(RULE, () => {
  it("passes with one contest of exactly 10 participating organisations", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails without any contest at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    fx.tables.Contests = [];
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([short]);
  });

  it("does not count a contest with 9 participating organisations", () => {
    const fx = compliantFixture();
    contest(fx).participants = 9;
    expect(verdicts(checkFixture(fx))).toEqual([short]);
  });

  it("does not add up participants across contests (two of 9 are not one of 10)", () => {
    const fx = compliantFixture();
    contest(fx).participants = 9;
    fx.tables.Contests!.push({
      ...contest(fx),
      date: "2024-10-20",
      title: "公益创投大赛",
      type: "公益创投大赛",
    });
    expect(verdicts(checkFixture(fx))).toEqual([short]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count a contest %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    contest(fx).date = date;
    expect(verdicts(checkFixture(fx))).toEqual([short, ["info", { excluded: 1 }]]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", expect.objectContaining({ actual: 1, target: 1, expected: 1 })],
    ]);
  });

  it("warns when behind schedule in the interim", () => {
    const fx = compliantFixture();
    // Held after the interim reporting date: 0 by now where 0.5 is due, and one record left out.
    contest(fx).date = "2024-10-20";
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`, `info ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["warning", expect.objectContaining({ actual: 0, target: 1, expected: 1 })],
      ["info", { excluded: 1 }],
    ]);
  });

  it("is not checked, rather than passed, without the 大赛 sheet", () => {
    const fx = compliantFixture();
    fx.tables.Contests = []; // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutSheets: ["大赛"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
