import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../engine/check";
import type { WorkbookModel } from "../../engine/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { readWorkbookModel } from "../xlsx/read-model";
import { isContractSheet } from "./address";
import { readWorkbook, type ReadTrace } from "./read";
import { CELLS_PER_REQUEST } from "./read-plan";
import { FakeExcel } from "./testing/fake-excel";
import { canonical, compliantFixture, ledgerFixture, toModel } from "./testing/fixtures";

const ruleset = bundledRuleSet();
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

  it("reads a 20,000-row ledger in blocks, within the per-request budget", async () => {
    const expected = toModel(ledgerFixture(20_000));
    const fake = FakeExcel.fromModel(expected, { maxCellsPerSync: CELLS_PER_REQUEST });
    const trace: ReadTrace = { syncs: 0, windows: [], requests: [] };
    const model = await readWorkbook(fake.host, { source: expected.source, trace });

    // The window of the ledger (7 columns) and what is left below it, in blocks of whole rows.
    const window = trace.windows.find((w) => w.sheet === "支出台账")!;
    const ledgerRows = 20_001;
    const rowsPerBlock = Math.floor(CELLS_PER_REQUEST / 7);
    const expectedBlocks = Math.ceil((ledgerRows - window.rows) / rowsPerBlock);
    expect(window.rows).toBeGreaterThan(0);
    expect(window.rows).toBeLessThan(ledgerRows);
    expect(trace.requests).toHaveLength(expectedBlocks);
    expect(fake.stats.syncs).toBe(2 + expectedBlocks);
    expect(fake.stats.maxCellsPerSync).toBeLessThanOrEqual(CELLS_PER_REQUEST);
    expect(canonical(model)).toEqual(canonical(expected));
  });

  it("packs blocks of several sheets into one sync and counts syncs exactly (small budget)", async () => {
    const expected = toModel(compliantFixture());
    const budget = 300;
    const fake = FakeExcel.fromModel(expected, { maxCellsPerSync: budget });
    const trace: ReadTrace = { syncs: 0, windows: [], requests: [] };
    const model = await readWorkbook(fake.host, {
      source: expected.source,
      trace,
      cellsPerRequest: budget,
    });
    expect(fake.stats.syncs).toBe(2 + trace.requests.length);
    expect(trace.requests.length).toBeGreaterThan(0);
    expect(trace.requests.some((r) => new Set(r.map((b) => b.sheet)).size > 1)).toBe(true);
    expect(fake.stats.maxCellsPerSync).toBeLessThanOrEqual(budget);
    expect(canonical(model)).toEqual(canonical(expected));
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
