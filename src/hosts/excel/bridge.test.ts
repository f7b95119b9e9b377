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
    expect((await bridge.mark(report.findings, "zh")).cells).toBeGreaterThan(0);
    const name = await bridge.writeSummary(
      buildSummary([report], [], [], ruleset).projects[0],
      "zh"
    );
    expect(await bridge.select("支出台账", "F3")).toBe("selected");
    expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F3" });
    expect((await bridge.clear()).restored).toBeGreaterThan(0);

    const after = Object.fromEntries(
      Object.entries(fake.doc.snapshot()).filter(([k]) => !k.startsWith(`${name}!`))
    );
    expect(after).toEqual(before);
  });

  it("says what this Excel can do", () => {
    const old = FakeExcel.fromModel(toModel(compliantFixture()), { apiVersion: "1.8" });
    expect(officeBridge(old.host).capabilities()).toMatchObject({
      check: true,
      marks: false,
      summarySheet: true,
      insertTemplate: false,
    });
  });

  it("words Excel's errors for the pane, Chinese and English", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    const bridge = officeBridge({
      ...fake.host,
      run: () =>
        Promise.reject(
          Object.assign(new Error("The operation isn't available"), {
            code: "InvalidOperationInCellEditMode",
          })
        ),
    });
    await expect(bridge.readModel()).rejects.toMatchObject({
      text: {
        zh: expect.stringMatching(/正在编辑单元格/),
        en: expect.stringMatching(/editing a cell/),
      },
    });
  });

  it("rejects a refused template insertion with the reason in both languages", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    await expect(officeBridge(fake.host).insertTemplate("AAAA")).rejects.toThrow(
      /已有模板的工作表[\s\S]*already has template sheets/
    );
  });
});
