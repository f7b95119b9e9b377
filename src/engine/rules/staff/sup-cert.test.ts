import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "SUP-CERT";
// 证书编号 is column E of 督导; fixture rows 0 and 1 sit on sheet rows 2 and 3.

describe(RULE, () => {
  it("passes when every claimed level has its number", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a claimed level without a number on the number cell", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].certNumber = null;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 督导!E3"]);
  });

  it("asks no number of a supervisor whose level is 无", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![0].certLevel = "无";
    fx.tables.Supervisors![0].certNumber = null;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, without the 证书编号 column", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].certNumber = null;
    const report = checkFixture(fx, { layout: { withoutColumns: ["Supervisors.certNumber"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
