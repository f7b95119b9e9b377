import { readFileSync } from "fs";
import { join } from "path";
import { checkWorkbook } from "../../engine/check";
import { countBySeverity, type Finding } from "../../engine/findings";
import type { WorkbookModel } from "../../engine/model";
import { REVIEWS, REVIEWS_SHEET } from "../../engine/contract/reviews-table";
import { findReviewRow, reviewValues, type ReviewInput } from "../../engine/reviews/rows";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { compliantFixture, toModel } from "../excel/testing/fixtures";
import { readWorkbookModel } from "../xlsx/read-model";
import { DATE_FORMAT, PREPARED_ROWS, TABLE_STYLE, tableColumns } from "../xlsx/template/layout";
import { wpsBridge } from "./bridge";
import { readWorkbook } from "./read";
import { writeReviewRow } from "./reviews";
import { FakeBook } from "./testing/fake-et";

const ruleset = bundledRuleSet();
const layout = tableColumns(REVIEWS, ruleset);
const col = (key: string) => layout.findIndex((c) => c.key === key);

const ACCEPT: ReviewInput = {
  explanation: "负债调整已报民政局",
  decision: "认可",
  reason: "经民政局批准",
  reviewer: "王建华",
  date: "2024-12-20",
};

/** The compliant fixture with one ledger amount gone negative: a finding to review. */
function brokenModel(): WorkbookModel {
  const model = toModel(compliantFixture());
  model.sheets.find((s) => s.name === "支出台账")!.rows[2][5] = { v: -5 };
  return model;
}

/** The workbook as the pane reads it in WPS, checked by the engine. */
const check = (book: FakeBook) => {
  const report = checkWorkbook(readWorkbook(book.host), { ruleset });
  return { ...report, counts: countBySeverity(report.findings) };
};

function ledgerFinding(findings: readonly Finding[]): Finding {
  const f = findings.find((x) => x.rule === "LED-AMOUNT" && x.sheet === "支出台账");
  if (!f) throw new Error("no ledger error");
  return f;
}

/** Everything the fake holds that a write could change. */
const snapshot = (book: FakeBook) =>
  JSON.stringify({
    sheets: book.sheets.map((s) => ({
      name: s.Name,
      cells: [...s.cells],
      widths: [...s.widths],
      tables: s.tables,
      validations: s.validations,
    })),
    names: book.names,
    parts: book.parts,
    active: book.active?.Name,
  });

describe("writeReviewRow (WPS)", () => {
  it("makes 审核意见 in the template's layout when absent; the re-check applies the row", () => {
    const book = FakeBook.fromModel(brokenModel());
    const before = check(book);
    const finding = ledgerFinding(before.findings);
    const { values, problems } = reviewValues(finding, ACCEPT);
    expect(problems).toEqual([]);

    const out = writeReviewRow(book.host, values);
    expect(out).toEqual({ sheet: REVIEWS_SHEET, row: 2, created: true, updated: false });

    const sheet = book.sheet(REVIEWS_SHEET);
    // After the last sheet, as WPS adds it (Worksheets.Add(, last)).
    expect(sheet.Index).toBe(book.sheets.length);
    layout.forEach((c, i) => {
      expect(sheet.peek(0, i)?.value).toBe(c.header);
      expect(sheet.columnWidth(i)).toBe(c.width);
    });
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]).toMatchObject({
      name: "Reviews",
      style: TABLE_STYLE,
      headers: true,
      totals: false,
      columns: layout.map((c) => c.header),
      at: { start: { row: 0, col: 0 }, end: { row: 1, col: layout.length - 1 } },
    });
    expect(sheet.validations).toEqual([
      expect.objectContaining({
        at: {
          start: { row: 1, col: col("decision") },
          end: { row: PREPARED_ROWS, col: col("decision") },
        },
        type: 3, // xlValidateList
        alertStyle: 2, // xlValidAlertWarning
        formula1: "认可,不认可,需整改",
        inCellDropdown: true,
        showError: true,
        errorTitle: layout[col("decision")].header,
        errorMessage: "请从下拉列表中选择：认可、不认可、需整改",
      }),
    ]);
    // The fingerprint stays text; the date is a date serial formatted as one.
    expect(sheet.peek(1, col("fingerprint"))).toMatchObject({
      value: finding.fingerprint,
      format: "@",
    });
    expect(sheet.peek(1, col("decidedOn"))).toEqual({ value: 45646, format: DATE_FORMAT });
    expect(sheet.peek(1, col("decision"))?.value).toBe("认可");

    const after = check(book);
    const again = after.findings.find((f) => f.fingerprint === finding.fingerprint)!;
    expect(again.review).toMatchObject({ accepted: true, by: "王建华", date: "2024-12-20" });
    expect(after.counts.accepted).toBe(before.counts.accepted + 1);
    // It no longer counts under its severity.
    const severity = finding.severity as "error" | "warning";
    expect(after.counts[severity]).toBe(before.counts[severity] - 1);
    expect(after.findings.some((f) => f.sheet === REVIEWS_SHEET && f.severity !== "info")).toBe(
      false
    );
  });

  it("updates the finding's row rather than adding one, and appends for another finding", () => {
    const book = FakeBook.fromModel(brokenModel());
    const finding = ledgerFinding(check(book).findings);
    writeReviewRow(book.host, reviewValues(finding, { explanation: "先说明情况" }).values);
    const second = check(book);
    const existing = findReviewRow(second.reviews, finding.fingerprint!);
    expect(existing?.explanation).toBe("先说明情况");

    const { values } = reviewValues(
      finding,
      { decision: "需整改", reason: "请补凭证", reviewer: "李娜", date: "2024-12-21" },
      existing
    );
    const reads = book.stats.rangeReads;
    const writes = book.stats.valueWrites;
    const out = writeReviewRow(book.host, values);
    expect(out).toEqual({ sheet: REVIEWS_SHEET, row: 2, created: false, updated: true });
    // The sheet's used range read in one call, the row written in one.
    expect(book.stats.rangeReads - reads).toBe(1);
    expect(book.stats.valueWrites - writes).toBe(1);
    const third = check(book);
    expect(third.reviews!.rows).toHaveLength(1);
    expect(third.findings.find((f) => f.fingerprint === finding.fingerprint)!.review).toMatchObject(
      { explanation: "先说明情况", decision: "需整改", accepted: false }
    );

    const other = third.findings.find(
      (f) => f.fingerprint && f.fingerprint !== finding.fingerprint && !f.status
    )!;
    const appended = writeReviewRow(
      book.host,
      reviewValues(other, { explanation: "另一条" }).values
    );
    expect(appended).toEqual({ sheet: REVIEWS_SHEET, row: 3, created: false, updated: false });
    // The table took the row in.
    expect(book.sheet(REVIEWS_SHEET).tables[0].at.end.row).toBe(2);
    const fourth = check(book);
    expect(fourth.reviews!.rows).toHaveLength(2);
    expect(book.sheets.filter((s) => s.Name === REVIEWS_SHEET)).toHaveLength(1);
  });

  it("refuses a protected 审核意见 sheet, and a protected structure when the sheet is absent", () => {
    const book = FakeBook.fromModel(brokenModel());
    const finding = ledgerFinding(check(book).findings);
    const { values } = reviewValues(finding, ACCEPT);

    book.ProtectStructure = true;
    const untouched = snapshot(book);
    expect(() => writeReviewRow(book.host, values)).toThrow(
      expect.objectContaining({
        text: expect.objectContaining({ zh: expect.stringContaining("工作簿的结构受保护") }),
        code: "Structure",
      })
    );
    expect(snapshot(book)).toBe(untouched);

    book.ProtectStructure = false;
    writeReviewRow(book.host, reviewValues(finding, { explanation: "先说明" }).values);
    book.sheet(REVIEWS_SHEET).ProtectContents = -1;
    const written = snapshot(book);
    expect(() => writeReviewRow(book.host, values)).toThrow(
      expect.objectContaining({
        text: expect.objectContaining({
          zh: expect.stringContaining("工作表「审核意见」受保护"),
          en: expect.stringContaining("protected"),
        }),
        code: "Protected",
      })
    );
    expect(snapshot(book)).toBe(written);
    // The structure's protection does not matter once the sheet is there.
    book.sheet(REVIEWS_SHEET).ProtectContents = 0;
    book.ProtectStructure = true;
    expect(writeReviewRow(book.host, values)).toMatchObject({ updated: true });
  });

  it("writes into the template's empty table and grows it for the next finding (sample 03)", () => {
    const path = join(__dirname, "../../../workbooks/samples/03-tokezhake-budget-ledger.xlsx");
    const book = FakeBook.fromModel(readWorkbookModel(new Uint8Array(readFileSync(path)), path));
    const sheet = book.sheet(REVIEWS_SHEET);
    const table = sheet.tables.find((t) => t.name === "Reviews")!;
    // The template's table holds one blank row, ready for the first review.
    expect(table.at.end.row).toBe(1);
    const sheetsBefore = book.sheets.length;
    const before = check(book);
    const found = before.findings.filter((f) => f.severity === "error");
    const first = writeReviewRow(book.host, reviewValues(found[0], ACCEPT).values);
    expect(first).toMatchObject({ row: 2, created: false, updated: false });
    expect(table.at.end.row).toBe(1);
    const second = writeReviewRow(book.host, reviewValues(found[1], ACCEPT).values);
    expect(second).toMatchObject({ row: 3, created: false, updated: false });
    expect(table.at.end.row).toBe(2);
    expect(book.sheets).toHaveLength(sheetsBefore);
    const after = check(book);
    expect(after.findings.filter((f) => f.review?.accepted)).toHaveLength(2);
    expect(after.counts.accepted).toBe(before.counts.accepted + 2);
  });

  it("moves a note kept below the table down instead of writing over it", () => {
    const book = FakeBook.fromModel(brokenModel());
    const finding = ledgerFinding(check(book).findings);
    writeReviewRow(book.host, reviewValues(finding, { explanation: "先说明" }).values);
    const sheet = book.sheet(REVIEWS_SHEET);
    sheet.Range("A4").Value2 = "备注：由财务填写";
    const other = check(book).findings.find(
      (f) => f.fingerprint && f.fingerprint !== finding.fingerprint && !f.status
    )!;
    expect(writeReviewRow(book.host, reviewValues(other, ACCEPT).values)).toMatchObject({ row: 3 });
    expect(sheet.peek(2, col("fingerprint"))?.value).toBe(other.fingerprint);
    expect(sheet.peek(3, 0)?.value).toBe("备注：由财务填写");
  });

  it("writes the date in the workbook's own date system (1904)", () => {
    const book = FakeBook.fromModel(brokenModel(), { date1904: true });
    const finding = ledgerFinding(check(book).findings);
    writeReviewRow(book.host, reviewValues(finding, ACCEPT).values);
    // 2024-12-20 is 45646 in the 1900 system, 1462 days less in 1904's.
    expect(book.sheet(REVIEWS_SHEET).peek(1, col("decidedOn"))?.value).toBe(45646 - 1462);
    const review = check(book).findings.find((f) => f.fingerprint === finding.fingerprint)!.review;
    expect(review?.date).toBe("2024-12-20");
  });

  it("says so when 审核意见 has no recognisable header, writing nothing", () => {
    const model = brokenModel();
    model.sheets.push({ name: REVIEWS_SHEET, rows: [[{ v: "我的笔记" }]] });
    const book = FakeBook.fromModel(model);
    const finding = ledgerFinding(check(book).findings);
    const untouched = snapshot(book);
    expect(() => writeReviewRow(book.host, reviewValues(finding, ACCEPT).values)).toThrow(
      expect.objectContaining({ code: "NoHeader" })
    );
    expect(snapshot(book)).toBe(untouched);
  });

  it("is offered by the WPS bridge, which the pane shows the form for", async () => {
    const book = FakeBook.fromModel(brokenModel());
    const bridge = wpsBridge(book.host);
    expect(bridge.writeReview).toBeDefined();
    const finding = ledgerFinding(
      (await bridge.readModel().then((m) => checkWorkbook(m, { ruleset }))).findings
    );
    await expect(bridge.writeReview!(reviewValues(finding, ACCEPT).values)).resolves.toMatchObject({
      created: true,
    });
    book.sheet(REVIEWS_SHEET).ProtectContents = -1;
    await expect(bridge.writeReview!(reviewValues(finding, ACCEPT).values)).rejects.toMatchObject({
      text: { en: expect.stringContaining("protected") },
    });
  });
});
