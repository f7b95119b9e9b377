import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-TRAINING";
const AT = "培训!A1:D1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);

/** The fixture's one training: 2024-05-18, 30 person-times. */
const training = (fx: Fixture) => fx.tables.Trainings![0];

describe(RULE, () => {
  it("passes with one training of exactly 30 person-times", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one person-time short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    training(fx).personTimes = 29;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([["error", { actual: 29, target: 30 }]]);
  });

  it("fails both the session and the person-time targets without any training", () => {
    const fx = compliantFixture();
    fx.tables.Trainings = [];
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 0, target: 1 }],
      ["error", { actual: 0, target: 30 }],
    ]);
  });

  it("adds up person-times across trainings", () => {
    const fx = compliantFixture();
    training(fx).personTimes = 15;
    fx.tables.Trainings!.push({
      date: "2024-08-10",
      topic: "志愿者培训",
      audience: "社区志愿者",
      personTimes: 15,
    });
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it.each([
    ["dated before ContractStart", "2024-02-29"],
    ["dated after AsOfDate", "2025-03-06"],
    ["without a date", null],
  ])("does not count a training %s, and says one record was left out", (_, date) => {
    const fx = compliantFixture();
    training(fx).date = date;
    expect(verdicts(checkFixture(fx))).toEqual([
      ["error", { actual: 0, target: 1 }],
      ["error", { actual: 0, target: 30 }],
      ["info", { excluded: 1 }],
    ]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    const report = checkFixture(compliantFixture(), { asOf });
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`, `info/progress ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", { actual: 1, target: 1, expected: 1, neededPerMonth: 0, projected: 2 }],
      ["info", { actual: 30, target: 30, expected: 15, neededPerMonth: 0, projected: 60 }],
    ]);
  });

  it("warns when person-times are behind schedule in the interim", () => {
    const fx = compliantFixture();
    training(fx).personTimes = 14;
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    // The session count is on schedule (1 of 1, 0.5 due); the person-times are not (14, 15 due).
    expect(verdicts(report)).toEqual([
      ["warning", { actual: 14, target: 30, expected: 15, neededPerMonth: 3, projected: 28 }],
      ["info", { actual: 1, target: 1, expected: 1, neededPerMonth: 0, projected: 2 }],
    ]);
  });

  it("is not checked, rather than passed, without the 参训人次 column", () => {
    const fx = compliantFixture();
    fx.tables.Trainings = []; // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["Trainings.personTimes"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
