import { compliantFixture, toModel } from "../../excel/testing/fixtures";
import { XL_PATTERN, XL_SRC_RANGE, XL_VALIDATE_LIST, XL_YES } from "../et";
import { SCODE_BASE } from "../values";
import { FakeBook } from "./fake-et";

/** The fake is as strict as WPS where WPS is documented, and stricter where it is not. */
describe("the fake ET object model", () => {
  const book = () => FakeBook.fromModel(toModel(compliantFixture()));

  it("is 1-based everywhere and throws past either end", () => {
    const b = book();
    expect(b.Worksheets.Item(1).Name).toBe(b.sheets[0].Name);
    expect(() => b.Worksheets.Item(0)).toThrow(/下标越界/);
    expect(() => b.Worksheets.Item(b.sheets.length + 1)).toThrow(/下标越界/);
    expect(() => b.Names.Item(0)).toThrow(/下标越界/);
    const range = b.sheet("支出台账").Range("B2:C3");
    expect(range.Item(1, 1).Address(false, false)).toBe("B2");
    expect(() => range.Item(0, 1)).toThrow(/1-based/);
    expect(range.Columns.Count).toBe(2);
    expect(range.Columns.Item(2).Address(false, false)).toBe("C2:C3");
  });

  it("gives a scalar for one cell, rows for more, undefined for empty, serials for dates", () => {
    const b = book();
    const ledger = b.sheet("支出台账");
    expect(Array.isArray(ledger.Range("A2").Value2)).toBe(false);
    expect(typeof ledger.Range("A2").Value2).toBe("number");
    const rows = ledger.Range("A1:B2").Value2 as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(2);
    expect(ledger.Range("Z99").Value2).toBeUndefined();
    expect(ledger.Range("Z99").Formula).toBe("");
  });

  it("passes errors as SCODEs by default, or as text or bare codes", () => {
    const model = toModel(compliantFixture());
    model.sheets.find((s) => s.name === "支出台账")!.rows[3][5] = { v: { error: "#DIV/0!" } };
    expect(FakeBook.fromModel(model).sheet("支出台账").Range("F4").Value2).toBe(SCODE_BASE + 2007);
    expect(FakeBook.fromModel(model).sheet("支出台账").Range("F4").Value2).toBe(-2146826281);
    const text = FakeBook.fromModel(model, { errorStyle: "text" });
    expect(text.sheet("支出台账").Range("F4").Value2).toBe("#DIV/0!");
    const code = FakeBook.fromModel(model, { errorStyle: "code" });
    expect(code.sheet("支出台账").Range("F4").Value2).toBe(2007);
  });

  it("reports booleans of COM as -1/0 and refuses changes to protected sheets and structure", () => {
    const b = book();
    const sheet = b.sheet("支出台账");
    expect(sheet.ProtectContents).toBe(0);
    expect(b.Date1904).toBe(0);
    sheet.ProtectContents = -1;
    expect(() => (sheet.Range("A1").Interior.Color = 255)).toThrow(/受保护/);
    expect(() => sheet.Range("A1").AddComment("x")).toThrow(/受保护/);
    b.ProtectStructure = true;
    expect(() => b.Worksheets.Add()).toThrow(/结构受保护/);
  });

  it("keeps one comment per cell and says null where formats differ", () => {
    const b = book();
    const sheet = b.sheet("预算");
    sheet.Range("A1").AddComment("一");
    expect(() => sheet.Range("A1").AddComment("二")).toThrow(/already has a comment/);
    sheet.Range("A1").Interior.Color = 255;
    expect(sheet.Range("A1").Interior.Pattern).toBe(XL_PATTERN.solid);
    expect(sheet.Range("A1:A2").Interior.Color).toBeNull();
    sheet.Range("A1").NumberFormat = "@";
    expect(sheet.Range("A1:A2").NumberFormat).toBeNull();
  });

  it("reads strings written to a cell as if typed, unless the cell is text", () => {
    const b = book();
    const sheet = b.sheet("预算");
    sheet.Range("H1").Value2 = "12";
    expect(sheet.Range("H1").Value2).toBe(12);
    sheet.Range("H2").NumberFormat = "@";
    sheet.Range("H2").Value2 = "12";
    expect(sheet.Range("H2").Value2).toBe("12");
  });

  it("keeps one validation rule per cell and reads its properties only where there is one", () => {
    const b = book();
    const sheet = b.sheet("预算");
    const v = sheet.Range("H2:H10").Validation;
    expect(() => v.InCellDropdown).toThrow(/没有数据有效性/);
    v.Add(XL_VALIDATE_LIST, 2, 1, "是,否");
    v.ErrorTitle = "选择";
    expect(sheet.Range("H3").Validation.ErrorTitle).toBe("选择");
    expect(() => sheet.Range("H5:H12").Validation.Add(XL_VALIDATE_LIST, 2, 1, "a")).toThrow(
      /已有数据有效性/
    );
    expect(() => sheet.Range("J2").Validation.Add(XL_VALIDATE_LIST)).toThrow(/Formula1/);
    sheet.ProtectContents = -1;
    expect(() => sheet.Range("K2").Validation.Add(XL_VALIDATE_LIST, 2, 1, "a")).toThrow(/受保护/);
  });

  it("adds table objects that neither overlap nor share a name, and grows them at the end", () => {
    const b = book();
    const sheet = b.sheet("预算");
    sheet.Range("K1:L1").Value2 = [["甲", "乙"]];
    const table = sheet.ListObjects.Add(XL_SRC_RANGE, sheet.Range("K1:L2"), undefined, XL_YES);
    expect(table.Name).toMatch(/^表\d+$/);
    expect(sheet.ListObjects.Item(sheet.ListObjects.Count).Name).toBe(table.Name);
    expect(() => (table.Name = "A1")).toThrow(/无效/);
    expect(() => (table.Name = "有 空格")).toThrow(/无效/);
    const other = b.sheets.flatMap((s) => s.tables).find((t) => t !== sheet.tables.at(-1))!;
    expect(() => (table.Name = other.name.toUpperCase())).toThrow(/已存在/);
    table.Name = "Notes";
    expect(() =>
      sheet.ListObjects.Add(XL_SRC_RANGE, sheet.Range("L1:M3"), undefined, XL_YES)
    ).toThrow(/重叠/);
    // A row taken in below; a value kept there moves down with its column.
    sheet.Range("K4").Value2 = "下方";
    table.ListRows.Add();
    expect(table.Range.Address(false, false)).toBe("K1:L3");
    table.ListRows.Add();
    expect(table.Range.Address(false, false)).toBe("K1:L4");
    expect(sheet.Range("K5").Value2).toBe("下方");
    sheet.ProtectContents = -1;
    expect(() => table.ListRows.Add()).toThrow(/受保护/);
    expect(() => (table.Name = "Other")).toThrow(/受保护/);
  });
});
