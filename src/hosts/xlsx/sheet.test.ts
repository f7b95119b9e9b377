import { scanSheet, type SheetContext } from "./sheet";
import { WorkbookReadError } from "./errors";

function context(over: Partial<SheetContext> = {}): SheetContext {
  return {
    strings: ["甲", "乙 & 丙", "<tag>"],
    formats: [undefined, "yyyy-mm-dd", "#,##0.00", "General"],
    date1904: false,
    budget: { cells: 0, max: 1_000_000 },
    ...over,
  };
}

function scan(sheetData: string, over: Partial<SheetContext> = {}, prefix = "") {
  const p = prefix ? `${prefix}:` : "";
  const xml = `<?xml version="1.0"?><${p}worksheet ${prefix ? `xmlns:${prefix}` : "xmlns"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`;
  return scanSheet(xml, "xl/worksheets/sheet1.xml", "S", context(over)).rows;
}

describe("scanSheet", () => {
  it("reads values of every type, with and without positions", () => {
    const rows = scan(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="b"><v>1</v></c>' +
        '<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="str"><v>text</v></c><c r="F1" t="inlineStr"><is><t>in</t><r><t>line</t></r></is></c></row>' +
        '<row><c><v>-3</v></c><c t="s"><v>1</v></c><c t="d"><v>2024-03-01</v></c><c><v>1E3</v></c><c><v> 7 </v></c></row>'
    );
    expect(rows[0].map((c) => c?.v)).toEqual([
      "甲",
      12.5,
      true,
      { error: "#N/A" },
      "text",
      "inline",
    ]);
    expect(rows[1].map((c) => c?.v)).toEqual([-3, "乙 & 丙", 45352, 1000, 7]);
  });

  it("keeps number formats other than General and shifts 1904 dates", () => {
    const xml =
      '<row r="2"><c r="A2" s="1"><v>100</v></c><c r="B2" s="2"><v>100</v></c><c r="C2" s="3"><v>100</v></c></row>';
    const rows = scan(xml);
    expect(rows[1][0]).toEqual({ v: 100, fmt: "yyyy-mm-dd" });
    expect(rows[1][1]).toEqual({ v: 100, fmt: "#,##0.00" });
    expect(rows[1][2]).toEqual({ v: 100 });
    const shifted = scan(xml, { date1904: true });
    expect(shifted[1].map((c) => c?.v)).toEqual([1562, 100, 100]);
  });

  it("decodes entities and CDATA, skips phonetic runs and self-closing cells", () => {
    const rows = scan(
      '<row r="1"><c r="A1" t="str"><v>a &amp; b &#x4E2D;</v></c><c r="B1" t="str"><v><![CDATA[x<y]]></v></c>' +
        '<c r="C1" s="2"/><c r="D1" t="inlineStr"><is><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
        "<c r='E1' t='s'><v>2</v></c></row>"
    );
    expect(rows[0].map((c) => c?.v)).toEqual(["a & b 中", "x<y", undefined, "东京", "<tag>"]);
  });

  it("reads formulas, shared formulas shifted to each cell, and their cached values", () => {
    const rows = scan(
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">C1*2</f><v>4</v></c></row>' +
        '<row r="2"><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>' +
        '<row r="3"><c r="B3"><f t="shared" si="0"></f></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
    );
    expect(rows[0][0]).toEqual({ v: 3, f: "SUM(B1:C1)" });
    expect(rows[0][1]).toEqual({ v: 4, f: "C1*2" });
    expect(rows[1][1]).toEqual({ v: 6, f: "C2*2" });
    expect(rows[2][1]).toEqual({ v: null, f: "C3*2" });
    expect(rows[2][2]).toEqual({ v: "ab", f: '"a"&"b"' });
  });

  it("reads prefixed elements", () => {
    const rows = scan('<x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c></x:row>', {}, "x");
    expect(rows[2][1]).toEqual({ v: "甲" });
  });

  it("tells attributes apart from the tails of others and entity-coded positions", () => {
    const rows = scan(
      '<row spans="1:3" r="4"><c ar="Z9" r="B4" st="x" t="s"><v>0</v></c><c r="&#x43;4"><v>5</v></c></row>'
    );
    expect(rows[3][1]).toEqual({ v: "甲" });
    expect(rows[3][2]).toEqual({ v: 5 });
  });

  it("refuses cells beyond Excel's grid and counts cells against the budget", () => {
    expect(() => scan('<row r="1048577"><c><v>1</v></c></row>')).toThrow(WorkbookReadError);
    expect(() => scan('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toThrow(WorkbookReadError);
    expect(() =>
      scan('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', {
        budget: { cells: 0, max: 1 },
      })
    ).toThrow(/more than 1 cells/);
  });

  it("drops a formula over Excel's 8,192 characters, keeping the value", () => {
    const long = "1+".repeat(4100) + "1";
    const rows = scan(`<row r="1"><c r="A1"><f>${long}</f><v>4101</v></c></row>`);
    expect(rows[0][0]).toEqual({ v: 4101 });
  });

  it("places cells with neither positions nor attributes one after another", () => {
    const rows = scan("<row><c><v>1</v></c><c><v>2</v></c></row><row><c/><c><v>3</v></c></row>");
    expect(rows.map((r) => r.map((c) => c?.v))).toEqual([
      [1, 2],
      [undefined, 3],
    ]);
  });

  it("treats an empty or blank value as the empty cell it is, and odd numbers as errors", () => {
    const rows = scan(
      '<row r="1"><c r="A1"><v></v></c><c r="B1" t="n"><v>abc</v></c><c r="C1" t="b"><v>true</v></c></row>'
    );
    expect(rows[0][0]).toBeUndefined();
    expect(rows[0][1]).toEqual({ v: { error: "abc" } });
    expect(rows[0][2]).toEqual({ v: true });
  });
});

describe("scanSheet with the rows under a prefix of their own", () => {
  it("reads <y:row> inside a <sheetData> that declares y", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData xmlns:y="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<y:row r="1"><y:c r="A1"><y:v>5</y:v></y:c></y:row></sheetData></worksheet>';
    const { rows } = scanSheet(xml, "sheet1.xml", "S", context());
    expect(rows[0][0]).toEqual({ v: 5 });
  });
});

describe("scanSheet and CDATA that spells out markup", () => {
  it("reads the rows after a CDATA section holding </sheetData>", () => {
    const rows = scan(
      '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x</sheetData>y]]></t></is></c></row>' +
        '<row r="2"><c r="A2"><v>7</v></c></row>'
    );
    expect(rows[1]?.[0]).toEqual({ v: 7 });
  });

  it("refuses a sheet over the cell limit before building its cells, counting only cells with content", () => {
    const cells = (n: number) =>
      Array.from({ length: n }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join("");
    const empty = Array.from({ length: 50 }, (_, i) => `<c r="B${i + 1}" s="1"/>`).join("");
    // 10 cells with content and 50 styled empty ones fit a budget of 10.
    expect(() =>
      scan(`<row r="1">${cells(10)}${empty}</row>`, { budget: { cells: 0, max: 10 } })
    ).not.toThrow();
    expect(() => scan(`<row r="1">${cells(11)}</row>`, { budget: { cells: 0, max: 10 } })).toThrow(
      /more than 10 cells/
    );
  });
});
