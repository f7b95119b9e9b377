import { readFileSync } from "fs";
import { join } from "path";
import { checkWorkbook } from "../../engine/check";
import { readWorkbookModel } from "../xlsx/read-model";
import type { Finding } from "../../engine/findings";
import type { WorkbookModel } from "../../engine/model";
import { REVIEWS, REVIEWS_SHEET } from "../../engine/contract/reviews-table";
import { findReviewRow, reviewValues, type ReviewInput } from "../../engine/reviews/rows";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { columnLetters } from "../../engine/util/address";
import { PREPARED_ROWS, tableColumns } from "../xlsx/template/layout";
import { readWorkbook } from "./read";
import { writeReviewRow } from "./reviews";
import { FakeExcel } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

const ruleset = bundledRuleSet();

const ACCEPT: ReviewInput = {
  explanation: "负债调整已报民政局",
  decision: "认可",
  reason: "经民政局批准",
  reviewer: "王建华",
  date: "2024-12-20",
};

/** The compliant fixture with one ledger amount gone negative: a finding to review. */
function brokenModel(edit?: (fx: ReturnType<typeof compliantFixture>) => void): WorkbookModel {
  const fx = compliantFixture();
  edit?.(fx);
  const model = toModel(fx);
  model.sheets.find((s) => s.name === "支出台账")!.rows[2][5] = { v: -5 };
  return model;
}

async function check(fake: FakeExcel) {
  return checkWorkbook(await readWorkbook(fake.host), { ruleset });
}

function ledgerFinding(findings: Finding[]): Finding {
  const f = findings.find((x) => x.rule === "LED-AMOUNT" && x.sheet === "支出台账");
  if (!f) throw new Error("no ledger error");
  return f;
}

describe("writeReviewRow (Excel)", () => {
  it("makes 审核意见 in the template's layout when absent, and the re-check applies the row", async () => {
    const fake = FakeExcel.fromModel(brokenModel());
    expect(fake.doc.sheet(REVIEWS_SHEET)).toBeUndefined();
    const before = await check(fake);
    const finding = ledgerFinding(before.findings);
    const { values, problems } = reviewValues(finding, ACCEPT);
    expect(problems).toEqual([]);
    const syncs = fake.stats.syncs;
    const out = await writeReviewRow(fake.host, values);
    expect(out).toEqual({ sheet: REVIEWS_SHEET, row: 2, created: true, updated: false });
    expect(fake.stats.syncs - syncs).toBe(2);

    const sheet = fake.doc.sheet(REVIEWS_SHEET)!;
    const layout = tableColumns(REVIEWS, ruleset);
    layout.forEach((c, i) => {
      expect(fake.doc.peek(sheet, 0, i)?.value).toBe(c.header);
      expect(sheet.columnWidths.get(i)).toBe(c.width * 7);
    });
    // The header row stays in view, as in the template's 审核意见.
    expect(sheet.frozenRows).toBe(1);
    const table = fake.doc.tables.find((t) => t.name === "Reviews")!;
    expect(table.sheet).toBe(sheet);
    expect(table.columns).toEqual(layout.map((c) => c.header));
    const decision = layout.findIndex((c) => c.key === "decision");
    const letter = columnLetters(decision);
    expect(sheet.validations).toHaveLength(1);
    expect(sheet.validations![0].range).toEqual({
      start: { row: 1, col: decision },
      end: { row: PREPARED_ROWS, col: decision },
    });
    expect(sheet.validations![0].rule).toEqual({
      list: { inCellDropDown: true, source: "认可,不认可,需整改" },
    });
    expect(letter).toBe("F");
    // The fingerprint stays text; the date is a date.
    const fp = layout.findIndex((c) => c.key === "fingerprint");
    expect(fake.doc.peek(sheet, 1, fp)?.value).toBe(finding.fingerprint);
    expect(fake.doc.peek(sheet, 1, fp)?.numberFormat).toBe("@");
    const date = layout.findIndex((c) => c.key === "decidedOn");
    expect(fake.doc.peek(sheet, 1, date)?.numberFormat).toBe("yyyy-mm-dd");
    expect(typeof fake.doc.peek(sheet, 1, date)?.value).toBe("number");

    const after = await check(fake);
    const again = after.findings.find((f) => f.fingerprint === finding.fingerprint)!;
    expect(again.review).toMatchObject({ accepted: true, by: "王建华", date: "2024-12-20" });
    expect(after.findings.some((f) => f.rule === "WB-VALUE" && f.sheet === REVIEWS_SHEET)).toBe(
      false
    );
  });

  it("updates the finding's row instead of adding one, and appends for another finding", async () => {
    const fake = FakeExcel.fromModel(brokenModel());
    const first = await check(fake);
    const finding = ledgerFinding(first.findings);
    await writeReviewRow(fake.host, reviewValues(finding, { explanation: "先说明情况" }).values);
    const second = await check(fake);
    const existing = findReviewRow(second.reviews, finding.fingerprint!);
    expect(existing?.explanation).toBe("先说明情况");
    // The pane keeps what the row holds (explanation) and adds the decision.
    const { values } = reviewValues(
      finding,
      { decision: "需整改", reason: "请补凭证", reviewer: "李娜", date: "2024-12-21" },
      existing
    );
    const out = await writeReviewRow(fake.host, values);
    expect(out).toMatchObject({ row: 2, updated: true, created: false });
    const third = await check(fake);
    expect(third.reviews!.rows).toHaveLength(1);
    expect(third.findings.find((f) => f.fingerprint === finding.fingerprint)!.review).toMatchObject(
      { explanation: "先说明情况", decision: "需整改", accepted: false }
    );

    const other = third.findings.find(
      (f) => f.fingerprint && f.fingerprint !== finding.fingerprint && !f.status
    )!;
    const appended = await writeReviewRow(
      fake.host,
      reviewValues(other, { explanation: "另一条" }).values
    );
    expect(appended).toMatchObject({ row: 3, created: false, updated: false });
    const table = fake.doc.tables.find((t) => t.name === "Reviews")!;
    expect(table.range.end.row).toBe(2);
    const fourth = await check(fake);
    expect(fourth.reviews!.rows).toHaveLength(2);
  });

  it("refuses a protected 审核意见 sheet, and a protected structure when the sheet is absent", async () => {
    const fake = FakeExcel.fromModel(brokenModel());
    const finding = ledgerFinding((await check(fake)).findings);
    const { values } = reviewValues(finding, ACCEPT);
    fake.doc.structureProtected = true;
    await expect(writeReviewRow(fake.host, values)).rejects.toMatchObject({
      text: { zh: expect.stringContaining("工作簿的结构受保护") },
    });
    expect(fake.doc.sheet(REVIEWS_SHEET)).toBeUndefined();

    fake.doc.structureProtected = false;
    await writeReviewRow(fake.host, values);
    fake.doc.sheet(REVIEWS_SHEET)!.protected = true;
    const before = JSON.stringify(fake.doc.snapshot());
    await expect(writeReviewRow(fake.host, values)).rejects.toMatchObject({
      text: { zh: expect.stringContaining("工作表「审核意见」受保护") },
    });
    expect(JSON.stringify(fake.doc.snapshot())).toBe(before);
  });

  it("writes into the template's empty table, and grows it for the next finding (sample 03)", async () => {
    const path = join(__dirname, "../../../workbooks/samples/03-tokezhake-budget-ledger.xlsx");
    const fake = FakeExcel.fromModel(readWorkbookModel(new Uint8Array(readFileSync(path)), path));
    const table = fake.doc.tables.find((t) => t.name === "Reviews")!;
    // The template's table holds one blank row, ready for the first review.
    expect(table.range.end.row).toBe(1);
    const found = (await check(fake)).findings.filter((f) => f.severity === "error");
    const first = await writeReviewRow(fake.host, reviewValues(found[0], ACCEPT).values);
    expect(first).toMatchObject({ row: 2, created: false, updated: false });
    expect(table.range.end.row).toBe(1);
    const second = await writeReviewRow(fake.host, reviewValues(found[1], ACCEPT).values);
    expect(second).toMatchObject({ row: 3, created: false, updated: false });
    expect(table.range.end.row).toBe(2);
    const after = await check(fake);
    expect(after.findings.filter((f) => f.review?.accepted)).toHaveLength(2);
  });

  it("writes the date in the workbook's own date system (1904)", async () => {
    const fake = FakeExcel.fromModel(brokenModel());
    fake.doc.date1904 = true;
    const finding = ledgerFinding((await check(fake)).findings);
    await writeReviewRow(fake.host, reviewValues(finding, ACCEPT).values);
    const sheet = fake.doc.sheet(REVIEWS_SHEET)!;
    const col = tableColumns(REVIEWS, ruleset).findIndex((c) => c.key === "decidedOn");
    // 2024-12-20 is 45646 in the 1900 system, 1462 days less in 1904's.
    expect(fake.doc.peek(sheet, 1, col)?.value).toBe(45646 - 1462);
    const review = (await check(fake)).findings.find(
      (f) => f.fingerprint === finding.fingerprint
    )!.review;
    expect(review?.date).toBe("2024-12-20");
  });

  it("waits while a cell is being edited", async () => {
    const fake = FakeExcel.fromModel(brokenModel());
    const finding = ledgerFinding((await check(fake)).findings);
    fake.beginCellEdit();
    const pending = writeReviewRow(fake.host, reviewValues(finding, ACCEPT).values);
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.doc.sheet(REVIEWS_SHEET)).toBeUndefined();
    fake.endCellEdit();
    await pending;
    expect(fake.doc.sheet(REVIEWS_SHEET)).toBeDefined();
  });
});
