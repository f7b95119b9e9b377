import { checkFixture, compliantFixture, findingsOf, validId } from "../../testing/fixture";

const RULE = "STF-EXCLUSIVE";
// 兼任其他福彩项目 is column J of 人员.

describe(RULE, () => {
  it("passes when no full-time staff member declares another project", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a full-time staff member who also works on another lottery project", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].otherProject = "伽师县福彩项目";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!J3"]);
  });

  it("lets a part-time staff member work on another project", () => {
    const fx = compliantFixture();
    fx.tables.Staff!.push({
      ...fx.tables.Staff![1],
      name: "戊",
      idNumber: validId("1990-01-01", 55),
      employment: "兼职",
      otherProject: "伽师县福彩项目",
    });
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("is not checked, rather than passed, without the 兼任其他福彩项目 column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Staff.otherProject"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("is not checked without the employment column", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].otherProject = "伽师县福彩项目";
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.employment"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it.each(["无", "否", "/", "-", "没有", "暂无", "N/A", "无。"])(
    "reads %p under 兼任其他福彩项目 as no other project",
    (placeholder) => {
      const fx = compliantFixture();
      for (const s of fx.tables.Staff!) s.otherProject = placeholder;
      expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
      expect(findingsOf(checkFixture(fx), "WB-VALUE")).toEqual([]);
    }
  );

  it("still flags a project whose name merely starts like a placeholder", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].otherProject = "无锡市福彩项目";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!J2"]);
  });
});
