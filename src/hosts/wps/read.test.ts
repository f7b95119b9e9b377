import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../engine/check";
import type { WorkbookModel } from "../../engine/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { isDateFormat } from "../xlsx/numfmt";
import { readWorkbookModel } from "../xlsx/read-model";
import { isContractSheet } from "../excel/address";
import { canonical, compliantFixture, toModel } from "../excel/testing/fixtures";
import { readWorkbook, type ReadTrace } from "./read";
import { FakeBook, type ErrorStyle } from "./testing/fake-et";

const ruleset = bundledRuleSet();
const SAMPLES = join(__dirname, "../../../workbooks/samples");
const findings = (model: WorkbookModel) =>
  checkWorkbook(model, { ruleset, today: 45_700 }).findings;
const trace = (): ReadTrace => ({ rangeReads: 0, textReads: 0, formatReads: 0, date1904: false });

describe("readWorkbook (WPS)", () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

  it("has the seven samples", () => expect(files).toHaveLength(7));

  it.each(files)("reads %s to the file reader's cells and findings", (file) => {
    const expected = readWorkbookModel(new Uint8Array(readFileSync(join(SAMPLES, file))), file);
    const book = FakeBook.fromModel(expected);
    const all = readWorkbook(book.host, { source: file, sheets: "all" });
    expect(canonical(all)).toEqual(canonical(expected));
    const t = trace();
    const needed = readWorkbook(book.host, { source: file, trace: t });
    expect(canonical(needed, isContractSheet).cells).toEqual(
      canonical(expected, isContractSheet).cells
    );
    expect(findings(needed)).toEqual(findings(expected));
    // Whole used ranges: two reads (Value2, Formula) per sheet read, no cell at a time.
    const read = needed.sheets.filter((s) => s.rows.length).length;
    expect(t.rangeReads).toBe(2 * read);
  });

  it.each<ErrorStyle>(["scode", "text", "code"])(
    "reads error cells passed as %s, and a year that equals an error code stays a number",
    (errorStyle) => {
      const expected = toModel(compliantFixture());
      const ledger = expected.sheets.find((s) => s.name === "支出台账")!;
      ledger.rows[3][5] = { v: { error: "#DIV/0!" }, f: "1/0" };
      ledger.rows[4][5] = { v: { error: "#N/A" } };
      ledger.rows[5][5] = { v: 2007 };
      ledger.rows[6][5] = { v: 2042, f: "2000+42" };
      const book = FakeBook.fromModel(expected, { errorStyle });
      const t = trace();
      const model = readWorkbook(book.host, { source: expected.source, trace: t });
      expect(canonical(model)).toEqual(canonical(expected));
      expect(findings(model)).toEqual(findings(expected));
      // Only numbers that could be a bare code are looked at one by one.
      expect(t.textReads).toBe(errorStyle === "code" ? 4 : 2);
    }
  );

  it("reads booleans, text numbers, text that looks like a formula, and formats", () => {
    const expected = toModel(compliantFixture());
    const ledger = expected.sheets.find((s) => s.name === "支出台账")!;
    ledger.rows[2][5] = { v: "1,200.00" };
    ledger.rows[4][6] = { v: true };
    ledger.rows[5][4] = { v: "=not a formula" };
    const book = FakeBook.fromModel(expected);
    const model = readWorkbook(book.host, { source: expected.source });
    expect(canonical(model)).toEqual(canonical(expected));
    expect(findings(model)).toEqual(findings(expected));
  });

  it("reads a 1904 workbook as the file reader reads it: dates 1,462 days later", () => {
    const base = toModel(compliantFixture());
    const book = FakeBook.fromModel(base, { date1904: true });
    const t = trace();
    const model = readWorkbook(book.host, { source: base.source, trace: t });
    expect(t.date1904).toBe(true);
    expect(t.formatReads).toBeGreaterThan(0);
    const dates = (m: WorkbookModel) =>
      Object.entries(canonical(m, isContractSheet).cells).filter(([, c]) => isDateFormat(c.fmt));
    expect(dates(model).length).toBeGreaterThan(20);
    expect(dates(model)).toEqual(dates(base));
    expect(findings(model)).toEqual(findings(base));
  });

  it("reads sheet-scoped names and leaves sheets the engine does not need unread", () => {
    const expected = toModel(compliantFixture());
    expected.names = expected.names.map((n) => ({ ...n, scope: "项目信息" }));
    expected.sheets.push({ name: "备注", rows: [[{ v: "自用" }]] });
    const book = FakeBook.fromModel(expected);
    const model = readWorkbook(book.host, { source: expected.source });
    expect(model.names.every((n) => n.scope === "项目信息")).toBe(true);
    expect(model.sheets.find((s) => s.name === "备注")!.rows).toEqual([]);
    expect(findings(model)).toEqual(findings(expected));
  });

  it("says, in Chinese and English, that a workbook must be open", () => {
    const book = FakeBook.fromModel(toModel(compliantFixture()));
    book.open = false;
    expect(() => readWorkbook(book.host)).toThrow(/打开项目工作簿[\s\S]*Open the project workbook/);
  });
});
