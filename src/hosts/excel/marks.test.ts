import { checkWorkbook } from "../../engine/check";
import type { Finding } from "../../engine/findings";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { parseStateXml, STATE_NAMESPACE } from "./doc-state";
import { applyMarks, clearMarks } from "./marks";
import { MARK_COLORS, NOTE_HEADER, parseRecord, recordEntries, RECORD_KEY } from "./marks-plan";
import { FakeExcel, PAYLOAD_LIMIT, type FakeExcelOptions } from "./testing/fake-excel";
import { compliantFixture, ledgerFixture, toModel } from "./testing/fixtures";

const LEDGER = "支出台账";

function finding(cell: string, severity: Finding["severity"] = "error", sheet = LEDGER): Finding {
  return {
    rule: "LED-AMOUNT",
    severity,
    sheet,
    cell,
    message: { zh: `金额有误 ${cell}`, en: `Bad amount ${cell}` },
  };
}

/** The compliant workbook with the user's own formatting, notes and comments on some cells. */
function workbook(options: FakeExcelOptions = {}): FakeExcel {
  const fake = FakeExcel.fromModel(toModel(compliantFixture()), options);
  const ledger = fake.sheet(LEDGER);
  const c = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return fake.doc.cell(ledger, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
  };
  Object.assign(c("F2").fill, { color: "#00B050", pattern: "Solid" });
  Object.assign(c("F3").fill, {
    color: "#FFFF00",
    pattern: "Gray50",
    patternColor: "#FF0000",
    tintAndShade: 0.2,
  });
  Object.assign(c("F3").font, { color: "#C00000", bold: true });
  c("F4").borders.EdgeBottom = { style: "Continuous", color: "#000000", weight: "Medium" };
  c("F5").numberFormat = "#,##0.00";
  fake.doc.notes.push({
    sheet: ledger,
    row: 5,
    col: 5,
    content: "用户自己的批注",
    authorName: "用户",
  });
  if (options.apiVersion === undefined || Number(options.apiVersion.split(".")[1]) >= 10)
    fake.doc.comments.push({
      sheet: ledger,
      row: 6,
      col: 5,
      id: "user-1",
      content: "用户评论",
      authorName: "用户",
    });
  return fake;
}

const annotations = (fake: FakeExcel) =>
  JSON.stringify([
    fake.doc.notes.map((n) => [n.sheet.name, n.row, n.col, n.content]),
    fake.doc.comments.map((n) => [n.sheet.name, n.row, n.col, n.content]),
  ]);

const fillOf = (fake: FakeExcel, row: number, col: number) =>
  fake.doc.peek(fake.sheet(LEDGER), row, col)?.fill;

/** The marks record the document holds (doc-state.ts), as cells "sheet!A1". */
function recorded(fake: FakeExcel): string[] {
  const parts = fake.doc.customXmlParts.filter((p) => p.namespaceUri === STATE_NAMESPACE);
  return parts.flatMap((p) =>
    recordEntries(parseRecord(parseStateXml(p.xml)?.marks)).map((e) => `${e.sheetName}!${e.cell}`)
  );
}

const findings = [
  finding("F2"),
  finding("F3", "warning"),
  finding("F4", "info"),
  finding("F5"),
  finding("F6"),
  finding("F7"),
  finding("A8:G8", "warning"),
  finding("F8", "error"),
];

describe("applyMarks / clearMarks", () => {
  it("marks and restores every property of every cell, keeping the user's notes", async () => {
    const fake = workbook();
    const before = fake.doc.snapshot();
    const notesBefore = annotations(fake);

    const result = await applyMarks(fake.host, findings, "zh");
    expect(result.mode).toBe("notes");
    // What is there; our part and the user's notes; the fills; the writes.
    expect(fake.stats.syncs).toBe(4);
    expect(recorded(fake)).toHaveLength(13);
    expect(fillOf(fake, 1, 5)).toMatchObject({ color: MARK_COLORS.error, pattern: "Solid" });
    expect(fillOf(fake, 2, 5)).toMatchObject({ pattern: "Solid", patternColor: "#FF0000" });
    expect(fillOf(fake, 2, 5)!.color).toBe(MARK_COLORS.warning);
    expect(fillOf(fake, 7, 0)!.color).toBe(MARK_COLORS.warning);
    // The worst severity wins on a cell two findings share.
    expect(fillOf(fake, 7, 5)!.color).toBe(MARK_COLORS.error);
    // The user's note (F6) and comment (F7) stay; those cells get the fill only.
    expect(result.userNotesKept).toBe(2);
    expect(fake.doc.notes.find((n) => n.row === 5)!.content).toBe("用户自己的批注");
    const ours = fake.doc.notes.filter((n) => n.content.startsWith(NOTE_HEADER));
    expect(ours.map((n) => `${n.row},${n.col}`).sort()).toEqual(
      ["1,5", "2,5", "3,5", "4,5", "7,0", "7,5"].sort()
    );
    expect(ours.find((n) => n.row === 7 && n.col === 5)!.content).toContain("Bad amount F8");
    // Marking touched fills only.
    const marked = fake.doc.snapshot();
    const withoutFill = (s: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(s).map(([k, v]) => [k, JSON.stringify({ ...JSON.parse(v), fill: null })])
      );
    for (const [k, v] of Object.entries(withoutFill(before)))
      expect(withoutFill(marked)[k]).toBe(v);

    fake.resetStats();
    const cleared = await clearMarks(fake.host);
    expect(fake.stats.syncs).toBe(4);
    expect(cleared).toMatchObject({ restored: 13, removed: 6, changedByUser: 0 });
    expect(fake.doc.snapshot()).toEqual(before);
    expect(annotations(fake)).toBe(notesBefore);
    expect(recorded(fake)).toEqual([]);
    expect(fake.doc.settings.has(RECORD_KEY)).toBe(false);
  });

  it("uses a fixed number of syncs for a workbook that fits a request", async () => {
    const fake = workbook();
    const many = Array.from({ length: 15 }, (_, i) => finding(`A${i + 2}:G${i + 2}`));
    await applyMarks(fake.host, many, "en");
    expect(fake.stats.syncs).toBe(4);
    expect(fake.doc.notes.filter((n) => n.content.startsWith(NOTE_HEADER))).toHaveLength(15);
  });

  it("fills every cell of a small range and only the first of a large one", async () => {
    const fake = workbook();
    await applyMarks(fake.host, [finding("A2:D3"), finding("A2:G16", "info", LEDGER)], "zh");
    const filled = Object.keys(fake.doc.snapshot()).filter((k) => {
      const [, a] = k.split("!");
      const cell = JSON.parse(fake.doc.snapshot()[k]);
      return cell.fill.color && Object.values(MARK_COLORS).includes(cell.fill.color) && a;
    });
    expect(filled.sort()).toEqual(
      ["A2", "B2", "C2", "D2", "A3", "B3", "C3", "D3"].map((a) => `${LEDGER}!${a}`).sort()
    );
  });

  it("clears the previous marks before marking again, and after a reload", async () => {
    const fake = workbook();
    const before = fake.doc.snapshot();
    await applyMarks(fake.host, findings, "zh");
    await applyMarks(fake.host, [finding("F2", "warning"), finding("B9")], "zh");
    expect(fillOf(fake, 1, 5)!.color).toBe(MARK_COLORS.warning);
    expect(fillOf(fake, 2, 5)).toMatchObject({ color: "#FFFF00", pattern: "Gray50" });
    expect(fake.doc.notes.filter((n) => n.content.startsWith(NOTE_HEADER))).toHaveLength(2);
    // A reload: a fresh Excel over the same document, the record read from the settings.
    const reloaded = new FakeExcel(fake.doc);
    await clearMarks(reloaded.host);
    expect(fake.doc.snapshot()).toEqual(before);
  });

  it("leaves a cell the user re-coloured after marking as the user made it", async () => {
    const fake = workbook();
    await applyMarks(fake.host, [finding("B2"), finding("B3")], "zh");
    fake.doc.cell(fake.sheet(LEDGER), 1, 1).fill.color = "#123456";
    const cleared = await clearMarks(fake.host);
    expect(cleared).toMatchObject({ restored: 1, changedByUser: 1 });
    expect(fillOf(fake, 1, 1)!.color).toBe("#123456");
  });

  it("attaches comments where notes are missing, never on the user's comment", async () => {
    const fake = workbook({ apiVersion: "1.10" });
    fake.doc.notes = [];
    const before = fake.doc.snapshot();
    const notesBefore = annotations(fake);
    const result = await applyMarks(fake.host, findings, "en");
    expect(result).toMatchObject({ mode: "comments", notes: 7, userNotesKept: 1 });
    expect(result.commentsFailed).toBeUndefined();
    expect(fake.stats.syncs).toBe(5);
    expect(fake.doc.comments.filter((c) => c.content.startsWith(NOTE_HEADER))).toHaveLength(7);
    expect(fake.doc.comments.find((c) => c.id === "user-1")!.content).toBe("用户评论");
    await clearMarks(fake.host);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(annotations(fake)).toBe(notesBefore);
  });

  it("keeps the fills and the record when a comment meets a note it could not see", async () => {
    const fake = workbook({ apiVersion: "1.10" });
    const before = fake.doc.snapshot();
    const notesBefore = annotations(fake);
    const result = await applyMarks(fake.host, findings, "en");
    expect(result.commentsFailed).toBe(true);
    expect(result.cells).toBe(13);
    expect(result.notes).toBe(
      fake.doc.comments.filter((c) => c.content.startsWith(NOTE_HEADER)).length
    );
    expect(fillOf(fake, 7, 5)!.color).toBe(MARK_COLORS.error);
    await clearMarks(fake.host);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(annotations(fake)).toBe(notesBefore);
  });

  it("fills only where neither notes nor comments exist, and does nothing without ExcelApi 1.9", async () => {
    const fillOnly = workbook({ apiVersion: "1.9" });
    const before = fillOnly.doc.snapshot();
    const result = await applyMarks(fillOnly.host, findings, "zh");
    expect(result).toMatchObject({ mode: "fill", notes: 0 });
    expect(fillOf(fillOnly, 1, 5)!.color).toBe(MARK_COLORS.error);
    await clearMarks(fillOnly.host);
    expect(fillOnly.doc.snapshot()).toEqual(before);

    const old = workbook({ apiVersion: "1.8" });
    const untouched = old.doc.snapshot();
    expect((await applyMarks(old.host, findings, "zh")).mode).toBe("unsupported");
    expect(old.stats.syncs).toBe(0);
    expect(old.doc.snapshot()).toEqual(untouched);
  });

  it("skips findings on sheets the workbook no longer has and marks a real check's findings", async () => {
    const model = toModel(compliantFixture());
    model.sheets.find((s) => s.name === LEDGER)!.rows[2][5] = { v: -5 };
    const report = checkWorkbook(model, { ruleset: bundledRuleSet() });
    const fake = FakeExcel.fromModel(model);
    const before = fake.doc.snapshot();
    const result = await applyMarks(
      fake.host,
      [...report.findings, finding("A1", "error", "不存在")],
      "zh"
    );
    expect(result.missingSheets).toEqual(["不存在"]);
    expect(result.cells).toBeGreaterThan(0);
    const atF3 = report.findings
      .filter((f) => f.sheet === LEDGER && f.cell === "F3")
      .map((f) => f.severity);
    expect(atF3.length).toBeGreaterThan(0);
    const worst = (["error", "warning", "info"] as const).find((s) => atF3.includes(s))!;
    expect(fillOf(fake, 2, 5)!.color).toBe(MARK_COLORS[worst]);
    await clearMarks(fake.host);
    expect(fake.doc.snapshot()).toEqual(before);
  });

  it("marks the issue's 6,001 cells in requests within 5 MB, and clears them exactly", async () => {
    // A 6,000-row ledger whose voucher column is empty: one finding per row, each with a note.
    const fake = FakeExcel.fromModel(toModel(ledgerFixture(6_000)));
    const before = fake.doc.snapshot();
    const many = Array.from({ length: 6_001 }, (_, i) => ({
      ...finding(`B${i + 2}`),
      message: {
        zh: `支出台账第 ${i + 2} 行缺少凭证号，报销凭证无法核对`,
        en: `Ledger row ${i + 2} has no voucher number`,
      },
    }));
    const result = await applyMarks(fake.host, many, "zh");
    expect(result.cells).toBe(6_001);
    expect(result.notes).toBe(6_001);
    expect(fake.stats.refused).toBe(0);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // More than one request for the writes, but a handful, not one per cell.
    expect(fake.stats.syncs).toBeGreaterThan(4);
    expect(fake.stats.syncs).toBeLessThanOrEqual(8);
    fake.resetStats();
    const cleared = await clearMarks(fake.host);
    expect(cleared).toMatchObject({ restored: 6_001, removed: 6_001 });
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(fake.doc.notes).toHaveLength(0);
  }, 60_000);

  it("leaves a protected sheet alone, says so, and clears everything it did mark", async () => {
    const fake = workbook();
    fake.sheet("人员").protected = true;
    const before = fake.doc.snapshot();
    const notesBefore = annotations(fake);
    const result = await applyMarks(
      fake.host,
      [finding("F2"), finding("A2", "error", "人员"), finding("F4")],
      "zh"
    );
    expect(result.protectedSheets).toEqual(["人员"]);
    expect(result.cells).toBe(2);
    expect(fake.doc.peek(fake.sheet("人员"), 1, 0)?.fill.pattern ?? "None").toBe("None");
    await clearMarks(fake.host);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(annotations(fake)).toBe(notesBefore);
  });

  it("keeps the marks of a sheet protected after marking until it is unprotected", async () => {
    const fake = workbook();
    const before = fake.doc.snapshot();
    await applyMarks(fake.host, [finding("F2"), finding("A2", "error", "人员")], "zh");
    fake.sheet("人员").protected = true;
    const cleared = await clearMarks(fake.host);
    expect(cleared.protectedSheets).toEqual(["人员"]);
    expect(fillOf(fake, 1, 5)).toMatchObject({ color: "#00B050" });
    expect(fake.doc.peek(fake.sheet("人员"), 1, 0)!.fill.color).toBe(MARK_COLORS.error);
    expect(recorded(fake)).toEqual(["人员!A2"]);
    fake.sheet("人员").protected = false;
    await clearMarks(fake.host);
    expect(fake.doc.snapshot()).toEqual(before);
  });

  it("records before it changes anything: a run cut short is still cleared exactly", async () => {
    const fake = workbook({ payloadLimit: 20_000 });
    const before = fake.doc.snapshot();
    const notesBefore = annotations(fake);
    // The last finding's note alone is more than Excel would take in one request.
    const cut = [
      ...findings,
      { ...finding("G9"), message: { zh: "过长".repeat(4_000), en: "too long ".repeat(1_000) } },
    ];
    await expect(applyMarks(fake.host, cut, "zh")).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(fillOf(fake, 1, 5)!.color).toBe(MARK_COLORS.error);
    const reloaded = new FakeExcel(fake.doc);
    await clearMarks(reloaded.host);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(annotations(fake)).toBe(notesBefore);
  });

  it("finds its own notes and comments by their first line, with no record at all", async () => {
    const fake = workbook();
    const notesBefore = annotations(fake);
    const ledger = fake.sheet(LEDGER);
    fake.doc.notes.push({
      sheet: ledger,
      row: 9,
      col: 1,
      content: `${NOTE_HEADER}\n旧说明`,
      authorName: "Add-in",
    });
    fake.doc.comments.push({
      sheet: ledger,
      row: 9,
      col: 2,
      id: "ours-1",
      content: `${NOTE_HEADER}\nold reason`,
      authorName: "Add-in",
    });
    const cleared = await clearMarks(fake.host);
    expect(cleared.removed).toBe(2);
    expect(annotations(fake)).toBe(notesBefore);
    // Nothing to record, so nothing written to the file but the deletions.
    expect(fake.doc.customXmlParts).toEqual([]);
  });

  it("clears under the production Id what was marked under the development Id", async () => {
    const dev = workbook({ addinId: "dev-0000" });
    const before = dev.doc.snapshot();
    const notesBefore = annotations(dev);
    await applyMarks(dev.host, findings, "zh");
    // Settings are per add-in Id: the production add-in cannot read the development one's.
    const prod = new FakeExcel(dev.doc, { addinId: "prod-1111" });
    const cleared = await clearMarks(prod.host);
    expect(cleared.restored).toBe(13);
    expect(dev.doc.snapshot()).toEqual(before);
    expect(annotations(dev)).toBe(notesBefore);
  });

  it("clears marks recorded by the previous version in the settings, and moves the record", async () => {
    const fake = workbook();
    const before = fake.doc.snapshot();
    const ledger = fake.sheet(LEDGER);
    Object.assign(fake.doc.cell(ledger, 9, 1).fill, { color: MARK_COLORS.error, pattern: "Solid" });
    fake.doc.settings.set(RECORD_KEY, {
      v: 1,
      fills: [
        {
          color: "#FFFFFF",
          pattern: "None",
          patternColor: null,
          tintAndShade: null,
          patternTintAndShade: null,
        },
      ],
      sheets: [{ id: ledger.id, name: LEDGER, cells: [{ a: "B10", f: 0, m: MARK_COLORS.error }] }],
    });
    const cleared = await clearMarks(fake.host);
    expect(cleared.restored).toBe(1);
    expect(fake.doc.snapshot()).toEqual(before);
    expect(fake.doc.settings.has(RECORD_KEY)).toBe(false);
  });

  it("waits while the user is typing in a cell instead of failing", async () => {
    const fake = workbook();
    fake.beginCellEdit();
    const marking = applyMarks(fake.host, findings, "zh");
    await new Promise((r) => setTimeout(r, 20));
    expect(fillOf(fake, 1, 5)).toMatchObject({ color: "#00B050" });
    fake.endCellEdit();
    expect((await marking).cells).toBe(13);
  });
});
