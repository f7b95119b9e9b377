import { compliantFixture, toModel } from "../../excel/testing/fixtures";
import { XL_PATTERN } from "../et";
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
});
