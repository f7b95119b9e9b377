import { CellInterner } from "./intern";
import { scanSheet } from "./sheet";

describe("CellInterner", () => {
  it("gives one object per value and format, and another for another format", () => {
    const cells = new CellInterner();
    const a = cells.sharedString(3, "人力成本", undefined);
    expect(cells.sharedString(3, "人力成本", undefined)).toBe(a);
    expect(cells.sharedString(3, "人力成本", "@")).not.toBe(a);
    expect(cells.sharedString(3, "人力成本", "@")).toEqual({ v: "人力成本", fmt: "@" });
    const n = cells.number(45352, "yyyy-mm-dd");
    expect(cells.number(45352, "yyyy-mm-dd")).toBe(n);
    expect(cells.number(45352, undefined)).toEqual({ v: 45352 });
  });

  it("keeps -0 apart from 0", () => {
    const cells = new CellInterner();
    const zero = cells.number(0, undefined);
    const negative = cells.number(-0, undefined);
    expect(Object.is(negative.v, -0)).toBe(true);
    expect(Object.is(zero.v, 0)).toBe(true);
    expect(cells.number(0, undefined)).toBe(zero);
  });

  it("stops remembering new numbers past its limit and still gives right values", () => {
    const cells = new CellInterner();
    for (let i = 0; i < 5000; i += 1) cells.number(i + 0.5, undefined);
    const late = cells.number(4999.5, undefined);
    expect(late).toEqual({ v: 4999.5 });
    expect(cells.number(4999.5, undefined)).not.toBe(late);
    expect(cells.number(0.5, undefined)).toBe(cells.number(0.5, undefined));
  });
});

describe("scanSheet shares repeated plain cells", () => {
  it("shares a repeated category and amount but never a formula cell", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1"><f>B1</f><v>12.5</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>12.5</v></c><c r="C2"><f>B2</f><v>12.5</v></c></row></sheetData></worksheet>';
    const { rows } = scanSheet(xml, "sheet1.xml", "S", {
      strings: ["人力成本"],
      formats: [],
      date1904: false,
      budget: { cells: 0, max: 100 },
    });
    expect(rows[1][0]).toBe(rows[0][0]);
    expect(rows[1][1]).toBe(rows[0][1]);
    expect(rows[1][2]).not.toBe(rows[0][2]);
    expect(rows[1][2]).toEqual({ v: 12.5, f: "B2" });
  });
});
