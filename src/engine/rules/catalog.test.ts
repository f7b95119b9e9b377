import { RULES } from "./catalog";
import { checkFixture, compliantFixture } from "../testing/fixture";
import { crossCheck } from "../check";
import { bundledRuleSet } from "../rulesets/ruleset";

describe("the rule catalog", () => {
  it("gives every rule a name, the plan's clause and one line on how to fix it, in both languages", () => {
    for (const rule of RULES) {
      expect([rule.id, rule.title.zh && rule.title.en]).toEqual([rule.id, expect.any(String)]);
      expect(rule.clause).toMatch(/\S/);
      expect(rule.fix.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.fix.en).toMatch(/^[A-Z]/);
      expect(rule.fix.zh).not.toMatch(/[A-Z]{2,}-/); // no rule IDs in what people read
    }
  });

  it("puts them on every finding, so every face can show them", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![0].amount = null;
    const report = checkFixture(fx, { asOf: "2024-08-31", layout: { withoutSheets: ["督导"] } });
    expect(report.findings.length).toBeGreaterThan(5);
    for (const f of report.findings) {
      const rule = RULES.find((r) => r.id === f.rule)!;
      expect(f).toMatchObject({ title: rule.title, clause: rule.clause, fix: rule.fix });
    }
    const cross = crossCheck(
      [report.facts, { ...report.facts, file: "b.xlsx", code: "X" }],
      bundledRuleSet()
    );
    expect(cross.length).toBeGreaterThan(0);
    for (const f of cross) expect(f.clause).toMatch(/\S/);
  });
});
