import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";

const RULE = "LED-CATEGORY";

// Ledger categories are in column C; fixture index i lands on row i + 2.

describe(RULE, () => {
  it("passes with standard categories", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("accepts a synonym: WB-VALUE warns about the coercion, this rule stays silent", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![12].category = "活动支出"; // = 服务性支出
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "WB-VALUE")).toEqual(["warning 支出台账!C14"]);
  });

  it("flags an unknown and an empty category, each once (not WB-VALUE as well)", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![10].category = "办公费";
    fx.tables.Ledger![11].category = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!C12", "error 支出台账!C13"]);
    expect(findingsOf(report, "WB-VALUE")).toEqual([]);
  });

  it("is not checked, rather than passed, when the ledger has no category column", () => {
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Ledger.category"] },
    });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
