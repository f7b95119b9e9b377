import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "REC-DUPLICATE";

describe(RULE, () => {
  it("passes unique file numbers and organisation names", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a family-file number used twice on its second occurrence", () => {
    const fx = compliantFixture();
    fx.tables.FamilyFiles![3].number = "HJ-1";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 婚姻家庭档案!B5"]);
    // The message points back at the first occurrence.
    expect(report.findings.find((f) => f.rule === RULE)!.message.en).toContain("B2");
  });

  it("flags an organisation name used twice on its second occurrence", () => {
    const fx = compliantFixture();
    fx.tables.CommunityOrgs![5].name = "测试社区组织1";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 社区社会组织!A7"]);
  });
});
