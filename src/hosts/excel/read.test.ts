import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../engine/check";
import type { WorkbookModel } from "../../engine/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { readWorkbookModel } from "../xlsx/read-model";
import { isContractSheet } from "./address";
import { readWorkbook, type ReadTrace } from "./read";
import ExcelJS from "exceljs";
import { isDateFormat } from "../xlsx/numfmt";
import { FakeExcel, PAYLOAD_LIMIT } from "./testing/fake-excel";
import { canonical, compliantFixture, ledgerFixture, toModel } from "./testing/fixtures";

const ruleset = bundledRuleSet();

const emptyTrace = (): ReadTrace => ({
  syncs: 0,
  windows: [],
  requests: [],
  refused: 0,
  date1904: false,
});

/** A model as an .xlsx file (ExcelJS, as the project writes files), values as they are. */
async function xlsxOf(model: WorkbookModel, date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  (wb.properties as { date1904?: boolean }).date1904 = date1904;
  for (const s of model.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        const v = c.v !== null && typeof c.v === "object" ? { error: c.v.error } : c.v;
        cell.value = (
          c.f !== undefined ? { formula: c.f, result: v ?? undefined } : v
        ) as ExcelJS.CellValue;
        if (c.fmt) cell.numFmt = c.fmt;
      })
    );
  }
  for (const n of model.names) wb.definedNames.add(n.formula, n.name);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const findings = (model: WorkbookModel) =>
  checkWorkbook(model, { ruleset, today: 45_700 }).findings;

describe("readWorkbook", () => {
  it("reads the compliant fixture in two syncs, as toModel lays it out", async () => {
    const expected = toModel(compliantFixture());
    const fake = FakeExcel.fromModel(expected);
    const model = await readWorkbook(fake.host, { source: expected.source });
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(canonical(model)).toEqual(canonical(expected));
    expect(findings(model)).toEqual(findings(expected));
  });

  it("maps errors, booleans, text numbers and formulas like the xlsx host", async () => {
    const expected = toModel(compliantFixture());
    const ledger = expected.sheets.find((s) => s.name === "支出台账")!;
    ledger.rows[2][5] = { v: "1,200.00" };
    ledger.rows[3][5] = { v: { error: "#DIV/0!" }, f: "1/0" };
    ledger.rows[4][6] = { v: true };
    ledger.rows[5][4] = { v: "=not a formula" };
    ledger.rows[6][3] = { v: 3, f: "1+2", fmt: "0.00" };
    const fake = FakeExcel.fromModel(expected);
    const model = await readWorkbook(fake.host, { source: expected.source });
    expect(canonical(model)).toEqual(canonical(expected));
    expect(findings(model)).toEqual(findings(expected));
  });

  it("reads a 20,000-row ledger in blocks sized by bytes, every response within 5 MB", async () => {
    const expected = toModel(ledgerFixture(20_000));
    const fake = FakeExcel.fromModel(expected);
    const trace: ReadTrace = emptyTrace();
    const model = await readWorkbook(fake.host, { source: expected.source, trace });

    const window = trace.windows.find((w) => w.sheet === "支出台账")!;
    expect(window.rows).toBeGreaterThan(0);
    expect(window.rows).toBeLessThan(20_001);
    expect(trace.requests.length).toBeGreaterThan(0);
    expect(trace.refused).toBe(0);
    expect(fake.stats.syncs).toBe(2 + trace.requests.length);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(canonical(model)).toEqual(canonical(expected));
  });

  it("reads a ledger of long Chinese text that 50,000 cells a request would send over 5 MB", async () => {
    // 20,000 rows with a 120-character 摘要: some 360 bytes a cell in values and again in
    // formulas; 50,000 cells (7,142 rows) a request would be some 6.5 MB.
    const fx = ledgerFixture(20_000);
    for (const row of fx.tables.Ledger!)
      row.summary = `${String(row.summary)}：${"社区治理服务活动物资采购".repeat(10)}`;
    const expected = toModel(fx);
    const fake = FakeExcel.fromModel(expected);
    const trace: ReadTrace = emptyTrace();
    const model = await readWorkbook(fake.host, { source: expected.source, trace });
    // The first window, planned blind, is refused once and planned again at half the size;
    // every later response is planned from the bytes the window's rows took.
    expect(trace.refused).toBe(1);
    expect(fake.stats.refused).toBe(1);
    const over = fake.stats.responseBytes.filter((b) => b > PAYLOAD_LIMIT);
    expect(over).toHaveLength(1);
    expect(fake.stats.syncs).toBe(3 + trace.requests.length);
    expect(canonical(model)).toEqual(canonical(expected));
  });

  it("reads a block again in halves when Excel refuses it for its size", async () => {
    const expected = toModel(ledgerFixture(3_000));
    const ledger = expected.sheets.find((s) => s.name === "支出台账")!;
    // Rows far longer than the window's rows: the plan made from the window falls short.
    for (let r = 2_000; r < 3_000; r += 1) ledger.rows[r][4] = { v: "长".repeat(2_000) };
    const fake = FakeExcel.fromModel(expected);
    const trace: ReadTrace = emptyTrace();
    const model = await readWorkbook(fake.host, {
      source: expected.source,
      trace,
      cellsPerRequest: 7_000,
    });
    expect(trace.refused).toBeGreaterThan(0);
    expect(
      Math.max(...fake.stats.responseBytes.filter((b) => b <= PAYLOAD_LIMIT))
    ).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(canonical(model)).toEqual(canonical(expected));
  });

  it("packs blocks of several sheets into one sync and counts syncs exactly (small budget)", async () => {
    const expected = toModel(compliantFixture());
    const fake = FakeExcel.fromModel(expected);
    const trace: ReadTrace = emptyTrace();
    const model = await readWorkbook(fake.host, {
      source: expected.source,
      trace,
      cellsPerRequest: 300,
      bytesPerRequest: 12_000,
    });
    expect(fake.stats.syncs).toBe(2 + trace.requests.length);
    expect(trace.requests.length).toBeGreaterThan(0);
    expect(trace.requests.some((r) => new Set(r.map((b) => b.sheet)).size > 1)).toBe(true);
    expect(canonical(model)).toEqual(canonical(expected));
  });

  it("reads a 1904 workbook as the xlsx reader reads the same file: same serials, same findings", async () => {
    // What Excel holds for a workbook kept in the 1904 date system: serials 1,462 days smaller.
    // Without table objects: the file is written with ExcelJS, which writes none of ours.
    const base = { ...toModel(compliantFixture()), tables: [] };
    const in1904 = structuredClone(base);
    for (const sheet of in1904.sheets)
      for (const row of sheet.rows)
        for (const cell of row ?? [])
          if (cell && typeof cell.v === "number" && isDateFormat(cell.fmt)) cell.v -= 1462;
    const fake = FakeExcel.fromModel(in1904);
    fake.doc.date1904 = true;
    const trace: ReadTrace = emptyTrace();
    const fromExcel = await readWorkbook(fake.host, { source: base.source, trace });
    expect(trace.date1904).toBe(true);
    const fromFile = readWorkbookModel(await xlsxOf(in1904, true), base.source);

    const dates = (m: WorkbookModel) =>
      Object.entries(canonical(m, isContractSheet).cells).filter(([, c]) => isDateFormat(c.fmt));
    expect(dates(fromExcel).length).toBeGreaterThan(20);
    expect(dates(fromExcel)).toEqual(dates(fromFile));
    expect(dates(fromExcel)).toEqual(dates(base));
    expect(findings(fromExcel)).toEqual(findings(fromFile));
    expect(findings(fromExcel)).toEqual(findings(base));
  });

  it("finds sheets the engine needs by drifted names and leaves other sheets unread", async () => {
    const expected = toModel(compliantFixture(), { withoutTableObjects: ["Staff"] });
    const staff = expected.sheets.find((s) => s.name === "人员")!;
    staff.name = "人 员";
    expected.sheets.push({ name: "备注", rows: [[{ v: "自用" }]] });
    const fake = FakeExcel.fromModel(expected);
    const model = await readWorkbook(fake.host, { source: expected.source });
    expect(fake.stats.syncs).toBe(2);
    expect(model.sheets.find((s) => s.name === "人 员")!.rows.length).toBeGreaterThan(1);
    expect(model.sheets.find((s) => s.name === "备注")!.rows).toEqual([]);
    expect(findings(model)).toEqual(findings(expected));
  });

  it("reads names scoped to the 项目信息 sheet from worksheet.names, still in two syncs", async () => {
    const expected = toModel(compliantFixture());
    for (const n of expected.names) n.scope = "项目信息";
    const fake = FakeExcel.fromModel(expected);
    const model = await readWorkbook(fake.host, { source: expected.source });
    expect(fake.stats.syncs).toBe(2);
    expect(canonical(model).names).toEqual(canonical(expected).names);
    // Found by name, not by label: no WB-STRUCTURE finding, the same findings as the file.
    expect(findings(model).filter((f) => f.rule === "WB-STRUCTURE")).toEqual([]);
    expect(findings(model)).toEqual(findings(expected));
  });

  it("follows formulas to sheets the contract does not name", async () => {
    const expected = toModel(compliantFixture());
    expected.sheets.push({ name: "Rates", rows: [[{ v: 0.5 }]] });
    const budget = expected.sheets.find((s) => s.name === "预算")!;
    budget.rows[1][1] = { v: 50_000, f: "Rates!A1*100000" };
    const fake = FakeExcel.fromModel(expected);
    const model = await readWorkbook(fake.host, { source: expected.source });
    expect(fake.stats.syncs).toBe(3);
    expect(model.sheets.find((s) => s.name === "Rates")!.rows[0][0]).toEqual({ v: 0.5 });
  });

  it.each([
    "01-wupaer-final-compliant.xlsx",
    "03-tokezhake-budget-ledger.xlsx",
    "05-zhanmin-format-drift.xlsx",
    "07-tokezhake-hand-kept.xlsx",
  ])("agrees with the xlsx host on sample %s", async (file) => {
    const bytes = readFileSync(join(__dirname, "../../../workbooks/samples", file));
    const expected = readWorkbookModel(new Uint8Array(bytes), file);
    const fake = FakeExcel.fromModel(expected);
    const all = await readWorkbook(fake.host, { source: file, sheets: "all" });
    expect(canonical(all)).toEqual(canonical(expected));
    fake.resetStats();
    const needed = await readWorkbook(fake.host, { source: file });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(canonical(needed, isContractSheet).cells).toEqual(
      canonical(expected, isContractSheet).cells
    );
    expect(findings(needed)).toEqual(findings(expected));
  });
});
