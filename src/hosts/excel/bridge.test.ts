import { checkWorkbook } from "../../engine/check";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { buildSummary } from "../../engine/summary/model";
import { officeBridge } from "./bridge";
import { FakeExcel } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

describe("officeBridge", () => {
  it("reads, checks, marks, summarises, navigates and clears, leaving the user's sheets as they were", async () => {
    const model = toModel(compliantFixture());
    model.sheets.find((s) => s.name === "支出台账")!.rows[2][5] = { v: -5 };
    const fake = FakeExcel.fromModel(model);
    const before = fake.doc.snapshot();
    const bridge = officeBridge(fake.host);
    const ruleset = bundledRuleSet();

    const report = checkWorkbook(await bridge.readModel(), { ruleset });
    expect(report.findings.some((f) => f.sheet === "支出台账" && f.cell === "F3")).toBe(true);
    expect(await bridge.mark(report.findings, "zh")).toBeGreaterThan(0);
    const name = await bridge.writeSummary(
      buildSummary([report], [], [], ruleset).projects[0],
      "zh"
    );
    await bridge.select("支出台账", "F3");
    expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F3" });
    await bridge.clear();

    const after = Object.fromEntries(
      Object.entries(fake.doc.snapshot()).filter(([k]) => !k.startsWith(`${name}!`))
    );
    expect(after).toEqual(before);
  });

  it("rejects a refused template insertion with the reason in both languages", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    await expect(officeBridge(fake.host).insertTemplate("AAAA")).rejects.toThrow(
      /已有模板的工作表[\s\S]*already has template sheets/
    );
  });
});
