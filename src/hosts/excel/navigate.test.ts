import { selectCell } from "./navigate";
import { FakeExcel } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

describe("selectCell", () => {
  it("activates the sheet and selects the cell or range", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    expect(await selectCell(fake.host, "支出台账", "F5")).toBe("selected");
    expect(fake.stats.syncs).toBe(2);
    expect(fake.doc.activeSheet!.name).toBe("支出台账");
    expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F5" });
    expect(await selectCell(fake.host, "人员", "A2:J2")).toBe("selected");
    expect(fake.doc.selection).toEqual({ sheet: "人员", address: "A2:J2" });
  });

  it("answers missing for a sheet that is gone", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    expect(await selectCell(fake.host, "已删除", "A1")).toBe("missing");
    expect(fake.doc.activeSheet!.name).toBe("项目信息");
  });

  it("answers hidden for a hidden sheet instead of asking Excel to show it", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    fake.sheet("人员").visibility = "Hidden";
    expect(await selectCell(fake.host, "人员", "A2")).toBe("hidden");
    expect(fake.doc.activeSheet!.name).toBe("项目信息");
    // The fake refuses to show a hidden sheet, as Excel does.
    const context = fake.context() as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("人员").activate();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("waits while the user is typing in a cell, then goes there", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    fake.beginCellEdit();
    const going = selectCell(fake.host, "支出台账", "F5");
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.doc.selection).toBeNull();
    fake.endCellEdit();
    expect(await going).toBe("selected");
    expect(fake.stats.delayedForCellEdit).toBe(1);
  });
});
