/**
 * workbooks/template.xlsx is what `npm run template` writes, and it is the contract's workbook:
 * every sheet, table, defined name and header; a drop-down on every enumerated column; date
 * validation and formats on dates; frozen headers; the budget's live formulas.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { buildWorkbook } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { NAMES, TABLES, INFO_SHEET } from "../src/engine/contract/tables";
import { enumDef } from "../src/engine/contract/enums";
import { headerMatches } from "../src/engine/read/locate";
import { RULES } from "../src/engine/rules/catalog";
import type { WorkbookModel } from "../src/engine/model";
import { columnLetters } from "../src/engine/util/address";

const committedPath = join(__dirname, "..", "workbooks", "template.xlsx");
const ruleset = bundledRuleSet();
let committed: WorkbookModel;
let regenerated: WorkbookModel;
let book: ExcelJS.Workbook;

function formulas(model: WorkbookModel): string[] {
  const out: string[] = [];
  for (const s of model.sheets)
    s.rows.forEach((row, r) =>
      row?.forEach((c, col) => c?.f && out.push(`${s.name}!${columnLetters(col)}${r + 1}=${c.f}`))
    );
  return out;
}

function validations(wb: ExcelJS.Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  wb.eachSheet((ws) => {
    const model = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    for (const [address, dv] of Object.entries(model))
      if (dv) out[`${ws.name}!${address}`] = `${dv.type}:${JSON.stringify(dv.formulae)}`;
  });
  return out;
}

beforeAll(async () => {
  const bytes = readFileSync(committedPath);
  committed = readWorkbookModel(new Uint8Array(bytes), "template.xlsx");
  const fresh = await withCachedValues(buildWorkbook(ruleset));
  regenerated = readWorkbookModel(new Uint8Array(fresh), "regenerated.xlsx");
  book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const freshBook = new ExcelJS.Workbook();
  await freshBook.xlsx.load(fresh as unknown as ArrayBuffer);
  (globalThis as Record<string, unknown>).freshValidations = validations(freshBook);
}, 60_000);

describe("the committed template", () => {
  it("is what npm run template writes: same sheets, tables, names, formulas and validations", () => {
    expect(committed.sheets.map((s) => s.name)).toEqual(regenerated.sheets.map((s) => s.name));
    expect(committed.tables).toEqual(regenerated.tables);
    expect(committed.names).toEqual(regenerated.names);
    expect(formulas(committed)).toEqual(formulas(regenerated));
    expect(validations(book)).toEqual((globalThis as Record<string, unknown>).freshValidations);
  });

  it("has every table of the contract on its sheet, with every header", () => {
    for (const def of TABLES) {
      const table = committed.tables.find((t) => t.name === def.name);
      expect(table?.sheet).toBe(def.sheet);
      const header = committed.sheets.find((s) => s.name === def.sheet)!.rows[0]!;
      def.fields.forEach((field, i) => {
        const text = String(header[i]?.v ?? "");
        expect(headerMatches(text, field)).toBe(true);
        expect(text.startsWith(field.header)).toBe(true); // Chinese first
      });
    }
  });

  it("has every defined name of the contract, on 项目信息 beside its label", () => {
    const info = committed.sheets.find((s) => s.name === INFO_SHEET)!;
    for (const def of NAMES) {
      const name = committed.names.find((n) => n.name === def.name);
      expect(name?.sheet).toBe(INFO_SHEET);
      const row = Number(name!.ref!.slice(1)) - 1;
      expect(name!.ref!.startsWith("B")).toBe(true);
      expect(info.rows[row]![0]!.v).toBe(def.label);
    }
  });

  it("offers a drop-down of exactly the allowed values on every enumerated column", () => {
    const dvs = validations(book);
    for (const def of TABLES) {
      def.fields.forEach((field, i) => {
        if (!field.enumKey || def.name === "Budget") return;
        const key = Object.keys(dvs).find((k) => k === `${def.sheet}!${columnLetters(i)}2`);
        expect(key).toBeDefined();
        expect(dvs[key!]).toBe(
          `list:${JSON.stringify([`"${enumDef(field.enumKey, ruleset).values.join(",")}"`])}`
        );
      });
    }
    const township = NAMES.find((n) => n.name === "Township")!;
    const tRow = NAMES.indexOf(township) + 3;
    expect(dvs[`${INFO_SHEET}!B${tRow}`]).toBe(
      `list:${JSON.stringify([`"${ruleset.program.sites.join(",")}"`])}`
    );
  });

  it("validates and formats dates, and freezes every table header", () => {
    const dvs = validations(book);
    for (const def of TABLES) {
      const ws = book.getWorksheet(def.sheet)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      def.fields.forEach((field, i) => {
        if (field.type !== "date") return;
        const col = columnLetters(i);
        expect(dvs[Object.keys(dvs).find((k) => k === `${def.sheet}!${col}2`)!]).toMatch(/^date:/);
        expect(ws.getCell(`${col}2`).numFmt).toBe("yyyy-mm-dd");
      });
    }
  });

  it("computes the budget from the ledger with live formulas, written the way Excel stores them", () => {
    const budget = committed.sheets.find((s) => s.name === "预算")!;
    for (let r = 1; r <= 3; r += 1) {
      expect(budget.rows[r]![2]!.f).toBe(`SUMIFS(支出台账!$F:$F,支出台账!$C:$C,$A${r + 1})`);
      expect(budget.rows[r]![3]!.f).toBe(`IF(B${r + 1}>0,C${r + 1}/B${r + 1},0)`);
    }
    expect(budget.rows[4]![1]!.f).toBe("SUBTOTAL(109,Budget[预算金额 Planned])");
  });

  it("explains every rule of the catalog on its 说明 sheet, with the rule set numbers", () => {
    const sheet = committed.sheets.find((s) => s.name === "说明")!;
    const texts = sheet.rows.flatMap((row) => (row ?? []).map((c) => String(c?.v ?? "")));
    for (const rule of RULES) {
      expect(texts).toContain(rule.id);
      expect(texts).toContain(rule.describe(ruleset).zh);
    }
    expect(texts.some((t) => t.includes("100,000"))).toBe(true);
  });
});
