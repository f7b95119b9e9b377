import { FakeExcel } from "./fake-excel";

function fake(apiVersion = "1.18") {
  return FakeExcel.fromModel(
    {
      source: "x",
      sheets: [
        {
          name: "S",
          rows: [[{ v: "h1" }, { v: "h2" }], [{ v: 1 }, { v: 2 }], [], [{ v: "below" }]],
        },
      ],
      tables: [],
      names: [],
    },
    { apiVersion }
  );
}

const ctx = (f: FakeExcel) => f.context() as unknown as Excel.RequestContext;

describe("the fake's tables and data validation", () => {
  it("adds a table over a range, named by its header row, renamed and styled", async () => {
    const f = fake();
    const context = ctx(f);
    const table = context.workbook.tables.add("S!A1:B2", true);
    table.name = "Mine";
    table.style = "TableStyleMedium2";
    await context.sync();
    expect(f.doc.tables).toHaveLength(1);
    expect(f.doc.tables[0]).toMatchObject({
      name: "Mine",
      columns: ["h1", "h2"],
      style: "TableStyleMedium2",
    });
    // Tables do not overlap, and names are unique.
    const again = ctx(f);
    again.workbook.tables.add("S!B2:C3", true);
    await expect(again.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("adds rows at the table's end, only over empty cells", async () => {
    const f = fake();
    const context = ctx(f);
    const table = context.workbook.tables.add("S!A1:B2", true);
    table.rows.add(undefined, [["x", 3]]);
    await context.sync();
    expect(f.doc.tables[0].range.end.row).toBe(2);
    expect(f.doc.peek(f.sheet("S"), 2, 0)?.value).toBe("x");
    const next = ctx(f);
    next.workbook.tables.getItem(f.doc.tables[0].name).rows.add(undefined, [["y", 4]]);
    await expect(next.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("refuses a table or a validation on a protected sheet", async () => {
    const f = fake();
    f.sheet("S").protected = true;
    const a = ctx(f);
    a.workbook.tables.add("S!A1:B2", true);
    await expect(a.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    const b = ctx(f);
    b.workbook.worksheets.getItem("S").getRange("A2:A9").dataValidation.rule = {
      list: { inCellDropDown: true, source: "a,b" },
    };
    await expect(b.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("keeps a list validation per range, from ExcelApi 1.8 only", async () => {
    const f = fake();
    const context = ctx(f);
    const range = context.workbook.worksheets.getItem("S").getRange("B2:B9");
    range.dataValidation.rule = { list: { inCellDropDown: true, source: "认可,不认可" } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: "t",
      message: "m",
    };
    await context.sync();
    const read = ctx(f);
    const v = read.workbook.worksheets.getItem("S").getRange("B2:B9").dataValidation.load("rule");
    await read.sync();
    expect(v.rule).toEqual({ list: { inCellDropDown: true, source: "认可,不认可" } });
    expect(f.sheet("S").validations![0].errorAlert).toMatchObject({ style: "Warning" });

    const old = fake("1.7");
    const c = ctx(old);
    c.workbook.worksheets.getItem("S").getRange("B2").dataValidation.rule = {
      list: { inCellDropDown: true, source: "a" },
    };
    await expect(c.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
