import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "STF-CERT";
// 证书编号 is column F of 人员; fixture row 0 (甲, 初级, C-1) sits on sheet row 2.

describe(RULE, () => {
  it("passes when the claimed level has its number, and 无 has none", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a claimed level without a number on the number cell", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].certNumber = null;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!F2"]);
  });

  it("treats a number of blanks as missing, and a synonym level as claimed", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].certLevel = "助理社会工作师"; // = 初级
    fx.tables.Staff![1].certNumber = "   ";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!F3"]);
  });

  it("is not checked, rather than passed, without the 证书编号 column", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].certNumber = null;
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.certNumber"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("treats 无 or another placeholder in place of the number as missing", () => {
    for (const placeholder of ["无", "/", "暂无", "N/A"]) {
      const fx = compliantFixture();
      fx.tables.Staff![0].certNumber = placeholder;
      expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!F2"]);
    }
  });
});
