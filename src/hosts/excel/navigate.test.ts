import { selectCell } from "./navigate";
import { FakeExcel } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

describe("selectCell", () => {
  it("activates the sheet and selects the cell or range in one sync", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    expect(await selectCell(fake.host, "支出台账", "F5")).toBe(true);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.doc.activeSheet!.name).toBe("支出台账");
    expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F5" });
    expect(await selectCell(fake.host, "人员", "A2:J2")).toBe(true);
    expect(fake.doc.selection).toEqual({ sheet: "人员", address: "A2:J2" });
  });

  it("answers false for a sheet that is gone", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()));
    expect(await selectCell(fake.host, "已删除", "A1")).toBe(false);
    expect(fake.doc.activeSheet!.name).toBe("项目信息");
  });
});
