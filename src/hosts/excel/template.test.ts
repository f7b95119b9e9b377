import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookModel } from "../xlsx/read-model";
import { CONTRACT_SHEETS } from "./address";
import { readWorkbook } from "./read";
import { insertTemplate } from "./template";
import { FakeExcel, type FakeExcelOptions } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

const template = readFileSync(join(__dirname, "../../../workbooks/template.xlsx")).toString(
  "base64"
);
const decodeBase64 = (b64: string) =>
  readWorkbookModel(new Uint8Array(Buffer.from(b64, "base64")), "template.xlsx");

function blank(options: FakeExcelOptions = {}): FakeExcel {
  return FakeExcel.fromModel(
    {
      source: "Book1",
      sheets: [{ name: "Sheet1", rows: [[{ v: "备忘" }]] }],
      tables: [],
      names: [],
    },
    { decodeBase64, ...options }
  );
}

describe("insertTemplate", () => {
  it("inserts the template's sheets and tables into a workbook without them, in two syncs", async () => {
    const fake = blank();
    const result = await insertTemplate(fake.host, template);
    expect(result.ok).toBe(true);
    expect(fake.stats.syncs).toBe(2);
    if (!result.ok) return;
    for (const sheet of CONTRACT_SHEETS) expect(result.sheets).toContain(sheet);
    expect(fake.doc.sheets[0].name).toBe("Sheet1");
    const model = await readWorkbook(fake.host);
    expect(model.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Budget", "Ledger", "Staff"])
    );
  });

  it("refuses, in both languages, when a contract sheet is already there", async () => {
    const fake = FakeExcel.fromModel(toModel(compliantFixture()), { decodeBase64 });
    const count = fake.doc.sheets.length;
    const result = await insertTemplate(fake.host, template);
    expect(result).toMatchObject({ ok: false, reason: "exists" });
    if (result.ok) return;
    expect(result.message.zh).toContain("预算");
    expect(result.message.en).toMatch(/already has template sheets/);
    expect(fake.doc.sheets).toHaveLength(count);
  });

  it("refuses when a contract table name is taken on another sheet", async () => {
    const fake = FakeExcel.fromModel(
      {
        source: "Book1",
        sheets: [{ name: "Sheet1", rows: [[{ v: "h" }], [{ v: 1 }]] }],
        tables: [
          {
            name: "ledger",
            sheet: "Sheet1",
            ref: "A1:A2",
            headerRowCount: 1,
            totalsRowCount: 0,
            columns: ["h"],
          },
        ],
        names: [],
      },
      { decodeBase64 }
    );
    const result = await insertTemplate(fake.host, template);
    expect(result).toMatchObject({ ok: false, reason: "exists", sheets: ["ledger"] });
  });

  it("refuses without ExcelApi 1.13 and touches nothing", async () => {
    const fake = blank({ apiVersion: "1.12" });
    const result = await insertTemplate(fake.host, template);
    expect(result).toMatchObject({ ok: false, reason: "unsupported" });
    if (result.ok) return;
    expect(result.message.zh).toContain("ExcelApi 1.13");
    expect(result.message.en).toContain("ExcelApi 1.13");
    expect(fake.stats.syncs).toBe(0);
  });

  it("refuses when the workbook's structure is protected, before inserting anything", async () => {
    const fake = blank();
    fake.doc.structureProtected = true;
    const result = await insertTemplate(fake.host, template);
    expect(result).toMatchObject({ ok: false, reason: "protected" });
    if (result.ok) return;
    expect(result.message.zh).toContain("工作簿的结构受保护");
    expect(result.message.en).toContain("structure is protected");
    expect(fake.doc.sheets).toHaveLength(1);
  });

  it("refuses in a 1904 workbook, where the template's dates would move four years", async () => {
    const fake = blank();
    fake.doc.date1904 = true;
    const result = await insertTemplate(fake.host, template);
    expect(result).toMatchObject({ ok: false, reason: "date1904" });
    expect(fake.doc.sheets).toHaveLength(1);
    expect(fake.doc.undoCleared).toBe(0);
  });

  it("clears Excel's undo history when it inserts (the pane asks first)", async () => {
    const fake = blank();
    expect((await insertTemplate(fake.host, template)).ok).toBe(true);
    expect(fake.doc.undoCleared).toBe(1);
  });
});
