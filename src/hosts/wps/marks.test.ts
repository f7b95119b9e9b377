import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../engine/check";
import type { Finding } from "../../engine/findings";
import { MARK_COLORS, planMarks } from "../../engine/marks";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { readWorkbookModel } from "../xlsx/read-model";
import { NOTE_HEADER } from "../excel/marks-plan";
import { applyMarks, clearMarks } from "./marks";
import { readWorkbook } from "./read";
import { readState, WPS_STATE_NAMESPACE } from "./state";
import { FakeBook, type FakeCell } from "./testing/fake-et";
import { bgr } from "./values";

const ruleset = bundledRuleSet();
const SAMPLE = join(__dirname, "../../../workbooks/samples/03-tokezhake-budget-ledger.xlsx");

function sample(): { book: FakeBook; findings: Finding[] } {
  const model = readWorkbookModel(new Uint8Array(readFileSync(SAMPLE)), "03.xlsx");
  const book = FakeBook.fromModel(model);
  const findings = checkWorkbook(readWorkbook(book.host), { ruleset, today: 45_700 }).findings;
  return { book, findings };
}

/** Every cell's full state, to compare before and after. */
function snapshot(book: FakeBook) {
  return book.sheets.map((s) => ({
    name: s.Name,
    cells: [...s.cells.entries()]
      .filter(([, c]) => Object.keys(c).length)
      .map(([k, c]) => [k, structuredClone(c)] as [string, FakeCell])
      .sort(([a], [b]) => a.localeCompare(b)),
  }));
}

describe("marks in WPS", () => {
  it("colours every planned cell, comments its reasons, and clears without a trace", () => {
    const { book, findings } = sample();
    const ledger = book.sheet("支出台账");
    // The user's own formats on cells we mark: a patterned fill, a font colour, a comment.
    const planned = planMarks(findings, "zh").filter((p) => p.sheet === "支出台账");
    expect(planned.length).toBeGreaterThan(2);
    const [first, second, third] = planned;
    const at = (cell: string) => ledger.Range(cell);
    at(first.cell).Interior.Pattern = 9; // xlPatternChecker
    at(first.cell).Interior.Color = 0x00ff00;
    at(first.cell).Interior.PatternColor = 0x0000ff;
    at(second.cell).Font.Color = 0x123456;
    at(third.cell).AddComment("财务：待补凭证");
    const before = snapshot(book);

    const result = applyMarks(book.host, findings, "zh");
    const all = planMarks(findings, "zh");
    expect(result.cells).toBe(all.length);
    expect(result.userNotesKept).toBe(third.lines.length ? 1 : 0);
    const marked = at(first.cell).Interior;
    expect(marked.Pattern).toBe(1);
    expect(marked.Color).toBe(bgr(MARK_COLORS[first.severity]));
    // BGR: #FFC7CE is red 0xFF, green 0xC7, blue 0xCE.
    expect(bgr("#FFC7CE")).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
    expect(String(at(first.cell).Comment!.Text())).toMatch(new RegExp(`^${NOTE_HEADER}`));
    expect(at(third.cell).Comment!.Text()).toBe("财务：待补凭证");
    expect(at(second.cell).Font.Color).toBe(0x123456);
    expect(book.parts.map((p) => p.ns)).toEqual([WPS_STATE_NAMESPACE]);

    const cleared = clearMarks(book.host);
    expect(cleared.restored).toBe(all.length);
    expect(cleared.removed).toBe(result.notes);
    expect(snapshot(book)).toEqual(before);
    expect(book.parts).toEqual([]);
  });

  it("marks again over its own marks and still restores what the user had", () => {
    const { book, findings } = sample();
    const before = snapshot(book);
    applyMarks(book.host, findings, "zh");
    const again = applyMarks(book.host, findings, "en");
    expect(again.cleared.removed).toBeGreaterThan(0);
    clearMarks(book.host);
    expect(snapshot(book)).toEqual(before);
  });

  it("leaves a re-coloured cell as the user made it", () => {
    const { book, findings } = sample();
    applyMarks(book.host, findings, "zh");
    const p = planMarks(findings, "zh")[0];
    book.sheet(p.sheet).Range(p.cell).Interior.Color = 0x00ffff;
    const cleared = clearMarks(book.host);
    expect(cleared.changedByUser).toBe(1);
    expect(book.sheet(p.sheet).Range(p.cell).Interior.Color).toBe(0x00ffff);
  });

  it("skips protected sheets, names them, and clears them once unprotected", () => {
    const { book, findings } = sample();
    const before = snapshot(book);
    const ledger = book.sheet("支出台账");
    ledger.ProtectContents = -1;
    const result = applyMarks(book.host, findings, "zh");
    expect(result.protectedSheets).toEqual(["支出台账"]);
    expect([...ledger.cells.values()].some((c) => c.interior || c.comment)).toBe(false);

    ledger.ProtectContents = 0;
    applyMarks(book.host, findings, "zh");
    ledger.ProtectContents = -1;
    const blocked = clearMarks(book.host);
    expect(blocked.protectedSheets).toEqual(["支出台账"]);
    ledger.ProtectContents = 0;
    clearMarks(book.host);
    expect(snapshot(book)).toEqual(before);
  });

  it("finds its comments by their header when the record is lost, and leaves the user's", () => {
    const { book, findings } = sample();
    const p = planMarks(findings, "zh").find((m) => m.lines.length)!;
    book.sheet("预算").Range("A1").AddComment("我的批注");
    applyMarks(book.host, findings, "zh");
    book.parts = []; // The record is gone (the part deleted, a copy pasted into a new file).
    const cleared = clearMarks(book.host);
    expect(cleared.removed).toBeGreaterThan(0);
    expect(book.sheet(p.sheet).Range(p.cell).Comment).toBeNull();
    expect(book.sheet("预算").Range("A1").Comment!.Text()).toBe("我的批注");
  });

  it("keeps the record before the first change: a run cut short can still be cleared", () => {
    const { book, findings } = sample();
    const before = snapshot(book);
    const sheet = book.sheet("支出台账");
    const original = sheet.Range.bind(sheet);
    let calls = 0;
    // WPS fails half-way through the marks (the sheet got protected meanwhile, say).
    sheet.Range = (a?: unknown, b?: unknown) => {
      const r = original(a, b);
      if (++calls > 6) sheet.ProtectContents = -1;
      return r;
    };
    expect(() => applyMarks(book.host, findings, "zh")).toThrow(/WPS/);
    expect(readState(book).marks).toBeDefined();
    sheet.Range = original;
    sheet.ProtectContents = 0;
    clearMarks(book.host);
    expect(snapshot(book)).toEqual(before);
  });
});
