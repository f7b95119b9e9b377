import { checkFixture, compliantFixture, findingsOf, toModel } from "../../testing/fixture";
import { checkWorkbook } from "../../check";
import { bundledRuleSet } from "../../rulesets/ruleset";
import type { WorkbookModel } from "../../model";

const RULE = "WB-FORMULA";

const check = (model: WorkbookModel) => checkWorkbook(model, { ruleset: bundledRuleSet() });
/** The budget sheet's rows: 1-3 are the categories, 4 the totals; columns B planned, C actual, D rate. */
const budget = (model: WorkbookModel) => model.sheets.find((s) => s.name === "预算")!.rows;

describe(RULE, () => {
  it("passes the template formulas with their recalculated values", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags template formulas replaced by constants, even when the constant is right today", () => {
    const model = toModel(compliantFixture());
    budget(model)[1][2] = { v: 100000 };
    budget(model)[4][1] = { v: 160000 };
    expect(findingsOf(check(model), RULE)).toEqual(["error 预算!C2", "error 预算!B5"]);
  });

  it("says a formula nested past 64 levels cannot be recalculated, quoting its start, and checks the others", () => {
    const model = toModel(compliantFixture());
    const deep = `${"(".repeat(70)}1${")".repeat(70)}`;
    budget(model)[1][3] = { v: 1, f: deep };
    const report = check(model);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!D2"]);
    const message = report.findings.find((f) => f.rule === RULE)!.message;
    expect(message.zh).toBe(
      `公式 =${"(".repeat(70)}1${")".repeat(49)}… 无法重新计算：公式嵌套层数过多（括号或正负号连用超过 64 层）。`
    );
    expect(message.en).toMatch(/cannot be recalculated: the formula nests too deeply/);
  });

  it("flags a cached value that differs from the recalculated one", () => {
    const model = toModel(compliantFixture());
    budget(model)[2][2]!.v = 12345;
    const report = check(model);
    expect(findingsOf(report, RULE)).toEqual(["error 预算!C3"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      shown: "12345",
      recalculated: "40000",
    });
  });

  it("recalculates as Excel does: SUMIFS skips an amount stored as text", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = "10000";
    const model = toModel(fx);
    // A cache that counted the text amount (100,000) is not what Excel computes (90,000).
    budget(model)[1][2]!.v = 100000;
    expect(findingsOf(check(model), RULE)).toEqual(["error 预算!C2"]);
  });

  it("recalculates as Excel does: arithmetic reads a planned amount typed as text", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = "100,000.00";
    const model = toModel(fx);
    // What Excel stores: the rate C2/B2 computed from the text, 100,000 / 100,000.
    budget(model)[1][3] = { v: 1, f: "IF(B2>0,C2/B2,0)" };
    expect(findingsOf(check(model), RULE)).toEqual([]);
    // A cache Excel would not write is still caught.
    budget(model)[1][3] = { v: { error: "#VALUE!" }, f: "IF(B2>0,C2/B2,0)" };
    expect(findingsOf(check(model), RULE)).toEqual(["error 预算!D2"]);
  });
});
