/**
 * The fake's request sizes and the host's estimates, held against Office.js itself: the same
 * batches are queued on a real Excel.RequestContext of @microsoft/office-js (serialized with
 * the library's own code, never sent) and on the fake's context.
 */
import { estimate } from "./marks";
import { noteText } from "./marks-plan";
import { BUDGET, packByBytes, sendHalving } from "./payload";
import { FakeExcel, PAYLOAD_LIMIT } from "./testing/fake-excel";
import { FakeError } from "./testing/fake-doc";
import type { FakeContext } from "./testing/fake-proxy";
import { realContext, realRequestBytes } from "./testing/officejs";
import { compliantFixture, toModel } from "./testing/fixtures";

const LEDGER = "支出台账";
const reason = noteText([
  "[错误] LED-VOUCHER: 支出台账第 12 行缺少凭证号 / Ledger row 12 has no voucher number",
]);

function fake(): FakeExcel {
  return FakeExcel.fromModel(toModel(compliantFixture()));
}

/** Bytes of the same batch: Office.js's serializer, and the fake's count. */
function measure(batch: (context: Excel.RequestContext) => void): { real: number; fake: number } {
  const real = realContext();
  batch(real);
  const context = fake().context() as FakeContext;
  batch(context as unknown as Excel.RequestContext);
  return { real: realRequestBytes(real), fake: context.requestBytes() };
}

const cells = (n: number) => Array.from({ length: n }, (_, i) => `F${i + 3}`);

const batches: Record<string, (context: Excel.RequestContext) => void> = {
  "marking 300 cells with a reason each": (context) => {
    const sheet = context.workbook.worksheets.getItem(LEDGER);
    for (const cell of cells(300)) {
      const range = sheet.getRange(cell);
      range.format.fill.pattern = "Solid";
      range.format.fill.color = "#FFC7CE";
      // This Office.js release has no workbook.notes (ExcelApi 1.18); comments.add is the
      // same call on the wire (a method on a collection with the range and the text).
      context.workbook.comments.add(range, reason);
    }
  },
  "reading the fills of 500 cells": (context) => {
    const sheet = context.workbook.worksheets.getItem(LEDGER);
    for (const cell of cells(500))
      sheet
        .getRange(cell)
        .load(
          "format/fill/color,format/fill/pattern,format/fill/patternColor,format/fill/tintAndShade,format/fill/patternTintAndShade"
        );
  },
  "reading a block of cells, the sheets, tables and a setting": (context) => {
    context.workbook.worksheets.load("items/name,items/id");
    context.workbook.tables.load("items/name,items/showHeaders,items/worksheet/name");
    context.workbook.settings.getItemOrNullObject("fucai.marks").load("value");
    context.workbook.worksheets
      .getItem(LEDGER)
      .getRange("A1:G20000")
      .load("values,formulas,numberFormat,valueTypes");
  },
  "writing 400 rows of Chinese text with formats, links and merges": (context) => {
    const sheet = context.workbook.worksheets.getItem("汇总-合规");
    const rows = Array.from({ length: 400 }, (_, i) => [
      `LED-VOUCHER`,
      "错误",
      "支出台账",
      `F${i + 3}`,
      `支出台账第 ${i + 3} 行缺少凭证号，请补录凭证号后重新检查。`,
      "",
      "",
    ]);
    const range = sheet.getRange("A1:G400");
    range.numberFormat = rows.map((r) => r.map(() => "@"));
    range.values = rows;
    rows.forEach((_, i) => {
      sheet.getRange(`D${i + 1}`).hyperlink = {
        documentReference: `'支出台账'!F${i + 3}`,
        textToDisplay: `F${i + 3}`,
        screenTip: "定位到单元格",
      };
      sheet.getRange(`E${i + 1}:G${i + 1}`).merge(false);
      sheet.getRange(`${i + 1}:${i + 1}`).format.rowHeight = 30;
    });
  },
  "keeping a record in a custom XML part": (context) => {
    const xml = `<fucai xmlns="http://schemas.fucai.invalid/addin-state/1">${JSON.stringify({
      marks: Array.from({ length: 2000 }, (_, i) => [`F${i + 3}`, 0, 1]),
    })}</fucai>`;
    context.workbook.customXmlParts.add(xml);
    context.workbook.customXmlParts.getItem("{X}").setXml(xml);
    context.workbook.settings.add("fucai.marks", "{}");
  },
};

describe("request sizes, against Office.js's own serializer", () => {
  // Measured when written: 306,092 / 304,952; 196,271 / 194,825; 1,466 / 1,471;
  // 505,567 / 500,031; 62,943 / 62,953 bytes (Office.js / fake).
  it.each(Object.entries(batches))("the fake counts %s within 3%", (_name, batch) => {
    const { real, fake } = measure(batch);
    expect(real).toBeGreaterThan(1000);
    expect(Math.abs(fake - real) / real).toBeLessThan(0.03);
  });

  it("a marked cell with its reason costs about 1 KB, as the issue measured", () => {
    const { real } = measure(batches["marking 300 cells with a reason each"]);
    expect(real / 300).toBeGreaterThan(800);
    expect(real / 300).toBeLessThan(1300);
  });

  it("the host's estimates never fall short of Office.js, nor overshoot by half", () => {
    const marks = measure(batches["marking 300 cells with a reason each"]).real;
    const marksEstimate = cells(300).reduce((n, c) => n + estimate.mark(c, "#FFC7CE", reason), 0);
    expect(marksEstimate).toBeGreaterThanOrEqual(marks);
    expect(marksEstimate).toBeLessThan(1.5 * marks);
    const reads = measure(batches["reading the fills of 500 cells"]).real;
    const readsEstimate = cells(500).reduce((n, c) => n + estimate.fillRead(c), 0);
    expect(readsEstimate).toBeGreaterThanOrEqual(reads);
    expect(readsEstimate).toBeLessThan(1.5 * reads);
  });
});

describe("the fake refuses what Excel on the web refuses", () => {
  it("a request over 5 MB fails as RequestPayloadSizeLimitExceeded, and none of it runs", async () => {
    const f = fake();
    const context = f.context() as unknown as Excel.RequestContext;
    const sheet = context.workbook.worksheets.getItem(LEDGER);
    // The case: a 6,000-row ledger with an empty voucher column, every cell noted.
    for (const cell of cells(6001)) {
      const range = sheet.getRange(cell);
      range.format.fill.pattern = "Solid";
      range.format.fill.color = "#FFC7CE";
      context.workbook.notes.add(range, reason);
    }
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(f.stats.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(f.doc.notes).toHaveLength(0);
    expect(f.doc.peek(f.sheet(LEDGER), 2, 5)?.fill.color ?? null).toBeNull();
    // The context is usable again, for a smaller request.
    sheet.getRange("F3").format.fill.color = "#FFC7CE";
    await context.sync();
    expect(f.doc.peek(f.sheet(LEDGER), 2, 5)!.fill.color).toBe("#FFC7CE");
  });

  it("a response over 5 MB fails as ResponsePayloadSizeLimitExceeded, and nothing loaded arrives", async () => {
    const f = fake();
    const ledger = f.sheet(LEDGER);
    const long = "很长的摘要".repeat(40);
    for (let r = 0; r < 6000; r += 1) f.doc.cell(ledger, r, 10).value = long;
    const context = f.context() as unknown as Excel.RequestContext;
    const range = context.workbook.worksheets
      .getItem(LEDGER)
      .getRange("K1:K6000")
      .load("values,formulas");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
  });

  it("has no limit where it is told it runs on the desktop", async () => {
    const f = FakeExcel.fromModel(toModel(compliantFixture()), { payloadLimit: null });
    const context = f.context() as unknown as Excel.RequestContext;
    const sheet = context.workbook.worksheets.getItem(LEDGER);
    for (const cell of cells(5000)) context.workbook.notes.add(sheet.getRange(cell), reason);
    await context.sync();
    expect(f.doc.notes).toHaveLength(5000);
  });
});

describe("packing and halving", () => {
  it("packs items under the budget, one at least per group", () => {
    expect(packByBytes([3, 3, 3, 9, 1], (n) => n, 6)).toEqual([[3, 3], [3], [9], [1]]);
    expect(BUDGET).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("sends a refused piece again in halves, down to single items", async () => {
    const sent: number[][] = [];
    await sendHalving([1, 2, 3, 4, 5], async (piece) => {
      if (piece.length > 2) throw new FakeError("RequestPayloadSizeLimitExceeded", "too big");
      sent.push([...piece]);
    });
    expect(sent).toEqual([[1, 2], [3], [4, 5]]);
    await expect(
      sendHalving([1, 2], async () => {
        throw new FakeError("AccessDenied", "no");
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
