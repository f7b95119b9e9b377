import ExcelJS from "exceljs";
import { fitRowHeights, lineHeight, printSetup, textWidth, wrappedLines } from "./print";

describe("wrappedLines", () => {
  it("counts Chinese characters two columns wide and breaks between them", () => {
    expect(textWidth("合规")).toBeCloseTo(4.1);
    expect(wrappedLines("合规检查", 10)).toBe(1);
    // 30 characters at about four a line in a column 10 wide: eight lines.
    expect(wrappedLines("合规检查".repeat(7) + "合规", 10)).toBe(8);
  });

  it("breaks English at spaces, a word too long for a line inside it, and at each newline", () => {
    expect(wrappedLines("one two three", 40)).toBe(1);
    expect(wrappedLines("one two three", 6)).toBe(3);
    // Three lines for a word longer than a line, and one to spare: where it breaks varies.
    expect(wrappedLines("x".repeat(30), 11)).toBe(4);
    expect(wrappedLines("a\nb\n\nc", 40)).toBe(4);
  });

  it("breaks a path only after a hyphen, moving whole pieces to the next line", () => {
    // Cut anywhere, 38 characters fill two lines of a column 21 wide; cut after "-" only,
    // each piece of 13 takes a line of its own (and each count one line to spare).
    const path = `${"a".repeat(6)}/${"a".repeat(5)}-${"b".repeat(12)}-${"c".repeat(12)}`;
    expect(wrappedLines(path, 21)).toBe(4);
    expect(wrappedLines("x".repeat(path.length), 21)).toBe(3);
  });

  it("keeps a date whole and a closing mark with the character before it", () => {
    // No break after "-" before a digit: 2024-10-15 goes to the second line whole.
    expect(wrappedLines("abcd 2024-10-15", 11)).toBe(2);
    // "，" never starts a line: "查，" moves together, and the line after it starts one later.
    expect(wrappedLines("合规检查，合规检查", 10)).toBe(3);
  });

  it("takes more lines for larger text", () => {
    const text = "项目期限超过 12 个月：开始日期 2024-03-01，结束日期最晚应为 2025-02-28。";
    expect(wrappedLines(text, 30, 14)).toBeGreaterThan(wrappedLines(text, 30, 11));
  });
});

describe("fitRowHeights", () => {
  it("sizes rows with wrapped text to their lines, merged cells by their whole width", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.columns = [{ width: 10 }, { width: 10 }, { width: 10 }];
    ws.getCell("A1").value = "不换行的单元格文字很长很长很长";
    ws.getCell("A2").value = "合规检查".repeat(5);
    ws.getCell("A2").alignment = { wrapText: true };
    ws.mergeCells("A3:C3");
    ws.getCell("A3").value = "合规检查".repeat(5);
    ws.getCell("A3").alignment = { wrapText: true };
    ws.getRow(4).height = 60;
    ws.getCell("A4").value = "短";
    ws.getCell("A4").alignment = { wrapText: true };
    fitRowHeights(ws);
    expect(ws.getRow(1).height).toBeUndefined();
    expect(ws.getRow(2).height).toBe(wrappedLines("合规检查".repeat(5), 10) * lineHeight() + 4);
    expect(ws.getRow(3).height).toBe(wrappedLines("合规检查".repeat(5), 30) * lineHeight() + 4);
    expect(ws.getRow(3).height!).toBeLessThan(ws.getRow(2).height!);
    expect(ws.getRow(4).height).toBe(60); // taller already: kept
  });
});

describe("printSetup", () => {
  it("fits A4 one page wide, repeats the header rows and numbers the pages", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    printSetup(ws, { orientation: "portrait", titleRows: "3:3", lang: "en" });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    expect(ws.headerFooter.oddFooter).toBe("&L&A&RPage &P of &N");
    printSetup(ws);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页");
  });
});
