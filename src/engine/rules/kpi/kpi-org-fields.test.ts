import type { ProjectReport } from "../../check";
import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";

const RULE = "KPI-ORG-FIELDS";
const AT = "社区社会组织!A1:H1";

/** Severity and figures of the rule's findings, in report order. */
const verdicts = (r: ProjectReport) =>
  r.findings.filter((f) => f.rule === RULE).map((f) => [f.severity, f.figures]);
const uncovered = [
  "warning",
  expect.objectContaining({ actual: 3, target: 4, missing: "文体活动类" }),
];

/**
 * The fixture's 文体活动类 organisations are the 4th and 8th. Moving the 8th to 其他 leaves the
 * 4th as the field's only organisation, so whatever happens to it decides the field.
 */
function onlyOneArtsOrg(): Fixture {
  const fx = compliantFixture();
  fx.tables.CommunityOrgs![7].field = "其他";
  return fx;
}
const artsOrg = (fx: Fixture) => fx.tables.CommunityOrgs![3];

describe(RULE, () => {
  it("passes when each of the four focus fields has an effectively cultivated organisation", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
    // One organisation is enough for a field.
    expect(findingsOf(checkFixture(onlyOneArtsOrg()), RULE)).toEqual([]);
  });

  it("warns (rules.md: warning at final) when a field has no organisation, with the count of fields covered", () => {
    const fx = onlyOneArtsOrg();
    artsOrg(fx).field = "其他";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([`warning ${AT}`]);
    expect(verdicts(report)).toEqual([uncovered]);
  });

  // Each change makes the field's only organisation not effectively cultivated.
  it.each<[string, (fx: Fixture) => void]>([
    ["not newly cultivated by the project", (fx) => void (artsOrg(fx).newlyCultivated = "否")],
    ["filed before ContractStart", (fx) => void (artsOrg(fx).filedOn = "2024-02-29")],
    ["filed after AsOfDate", (fx) => void (artsOrg(fx).filedOn = "2025-03-06")],
    ["filed without a 备案编号", (fx) => void (artsOrg(fx).filingNumber = null)],
    [
      "with only 1 社区服务 activity",
      (fx) =>
        void (fx.tables.Activities!.find((a) => a.host === artsOrg(fx).name)!.type = "志愿服务"),
    ],
  ])("does not cover a field with an organisation %s", (_, change) => {
    const fx = onlyOneArtsOrg();
    change(fx);
    expect(verdicts(checkFixture(fx))[0]).toEqual(uncovered);
  });

  it.each(["2024-08-31", "2024-09-01"])(
    "gives an info, not a warning, in the interim (as of %s)",
    (asOf) => {
      const fx = onlyOneArtsOrg();
      // Filed after the interim date: the field is not covered yet, but will be by the end.
      artsOrg(fx).filedOn = "2024-09-15";
      const report = checkFixture(fx, { asOf });
      expect(report.stage.kind).toBe("interim");
      expect(findingsOf(report, RULE)[0]).toBe(`info ${AT}`);
      expect(verdicts(report)[0]).toEqual([
        "info",
        expect.objectContaining({ actual: 3, target: 4, missing: "文体活动类" }),
      ]);
      expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
    }
  );

  it("is not checked, rather than passed, without the 领域 column", () => {
    const fx = onlyOneArtsOrg();
    artsOrg(fx).newlyCultivated = "否"; // would be a warning if the rule ran
    const report = checkFixture(fx, { layout: { withoutColumns: ["CommunityOrgs.field"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
