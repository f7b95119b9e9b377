import type { ProjectReport } from "../../check";
import {
  checkFixture,
  compliantFixture,
  findingsOf,
  type Fixture,
  type FixtureRow,
} from "../../testing/fixture";

const RULE = "KPI-ORGS";
const AT = "社区社会组织!A1:H1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);
const shortAt = (actual: number) => ["error", expect.objectContaining({ actual, target: 10 })];

/** The fixture's first organisation and the community-service activities it hosts. */
const org1 = (fx: Fixture) => fx.tables.CommunityOrgs![0];
const org1Activities = (fx: Fixture): FixtureRow[] =>
  fx.tables.Activities!.filter((a) => a.host === org1(fx).name);

describe(RULE, () => {
  it("passes with exactly 10 effectively cultivated organisations", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("fails one organisation short at the final stage, with actual and target", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs!.pop();
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(verdicts(report)).toEqual([shortAt(9)]);
  });

  // Each change below leaves organisation 1 not effectively cultivated, so 9 remain.
  it.each<[string, (fx: Fixture) => void]>([
    [
      "not newly cultivated by the project (本项目新培育=否)",
      (fx) => void (org1(fx).newlyCultivated = "否"),
    ],
    ["filed the day before ContractStart", (fx) => void (org1(fx).filedOn = "2024-02-29")],
    ["filed the day after AsOfDate", (fx) => void (org1(fx).filedOn = "2025-03-06")],
    ["filed without a 备案编号", (fx) => void (org1(fx).filingNumber = null)],
    [
      "hosting only 1 社区服务 activity",
      (fx) => fx.tables.Activities!.splice(fx.tables.Activities!.indexOf(org1Activities(fx)[1]), 1),
    ],
    [
      "whose second activity is 志愿服务, not 社区服务",
      (fx) => void (org1Activities(fx)[1].type = "志愿服务"),
    ],
    [
      "whose second activity is dated before ContractStart",
      (fx) => void (org1Activities(fx)[1].date = "2024-02-20"),
    ],
    ["whose second activity has no date", (fx) => void (org1Activities(fx)[1].date = null)],
  ])("does not count an organisation %s", (_, change) => {
    const fx = compliantFixture();
    change(fx);
    expect(verdicts(checkFixture(fx))[0]).toEqual(shortAt(9));
  });

  it("counts filings on ContractStart and on AsOfDate (both ends of the period are inside)", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs![0].filedOn = "2024-03-01";
    fx.tables.CommunityOrgs![1].filedOn = "2025-03-05";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("says how many records were left out for their date", () => {
    // rules.md "Stage": records outside ContractStart..AsOfDate do not count, and an info
    // under the target's own rule ID says how many were left out.
    const fx = compliantFixture();
    org1(fx).filedOn = "2024-02-29";
    expect(verdicts(checkFixture(fx))).toEqual([shortAt(9), ["info", { excluded: 1 }]]);
  });

  it.each(["2024-08-31", "2024-09-01"])("shows progress at half time (as of %s)", (asOf) => {
    const report = checkFixture(compliantFixture(), { asOf });
    expect(report.stage.elapsed).toBe(0.5);
    expect(findingsOf(report, RULE)).toEqual([`info/progress ${AT}`]);
    expect(verdicts(report)).toEqual([
      ["info", expect.objectContaining({ actual: 10, target: 10, expected: 5 })],
    ]);
  });

  it("is on schedule, not behind, at exactly target x elapsed", () => {
    const fx = compliantFixture();
    for (const o of fx.tables.CommunityOrgs!.slice(0, 5)) o.newlyCultivated = "否";
    expect(verdicts(checkFixture(fx, { asOf: "2024-08-31" }))).toEqual([
      ["info", expect.objectContaining({ actual: 5, target: 10, expected: 5 })],
    ]);
  });

  it("warns when behind schedule in the interim", () => {
    const fx = compliantFixture();
    // Six organisations are filed only after the interim reporting date, so 4 count where 5 are due.
    for (const o of fx.tables.CommunityOrgs!.slice(0, 6)) o.filedOn = "2024-09-15";
    const report = checkFixture(fx, { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)[0]).toBe(`warning ${AT}`);
    expect(verdicts(report)[0]).toEqual([
      "warning",
      expect.objectContaining({ actual: 4, target: 10, expected: 5 }),
    ]);
  });

  it("is not checked, rather than passed, without the 服务活动 sheet", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs!.pop(); // would be an error if the rule ran
    const report = checkFixture(fx, { layout: { withoutSheets: ["服务活动"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("says how many organisations' activities were left out for their date", () => {
    const fx = compliantFixture();
    // One more activity of organisation 1, before the contract start (2024-03-01).
    fx.tables.Activities!.push({ ...org1Activities(fx)[0], date: "2024-02-20" });
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["info 服务活动!A1:G1"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({ excluded: 1 });
  });

  it("leaves out, and says so, an organisation with a filing number but no filing date", () => {
    const fx = compliantFixture();
    org1(fx).filedOn = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`, `info ${AT}`]);
    expect(verdicts(report)[1]).toEqual(["info", { excluded: 1 }]);
  });

  it("does not count an organisation filed without its number; the number's cell says why", () => {
    const fx = compliantFixture();
    org1(fx).filingNumber = null;
    const report = checkFixture(fx);
    expect(verdicts(report)).toEqual([shortAt(9)]);
    expect(findingsOf(report, "WB-VALUE")).toEqual(["error 社区社会组织!H2"]);
  });
});
