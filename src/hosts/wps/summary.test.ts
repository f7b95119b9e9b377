import { checkWorkbook } from "../../engine/check";
import type { WorkbookModel } from "../../engine/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { buildSummary, type ProjectSummary } from "../../engine/summary/model";
import { compliantFixture, toModel } from "../excel/testing/fixtures";
import { wpsBridge } from "./bridge";
import { readState } from "./state";
import { writeSummarySheet } from "./summary";
import { FakeBook } from "./testing/fake-et";

const ruleset = bundledRuleSet();

function project(edit?: (model: WorkbookModel) => void): {
  model: WorkbookModel;
  summary: ProjectSummary;
} {
  const model = toModel(compliantFixture());
  edit?.(model);
  const report = checkWorkbook(model, { ruleset });
  return { model, summary: buildSummary([report], [], [], ruleset).projects[0] };
}

const broken = (model: WorkbookModel) => {
  model.sheets.find((s) => s.name === "支出台账")!.rows[2][5] = { v: -5 };
  model.sheets.find((s) => s.name === "支出台账")!.rows[3][0] = { v: "下周" };
};

const texts = (book: FakeBook, name: string) =>
  [...book.sheet(name).cells.values()].map((c) => c.value).filter((v) => typeof v === "string");

describe("the 汇总-合规 sheet in WPS", () => {
  it("writes the layout as values, links the findings to their cells, and records the sheet", () => {
    const { model, summary } = project(broken);
    const book = FakeBook.fromModel(model);
    const before = book.sheets.map((s) => [s.Name, JSON.stringify([...s.cells])]);
    const name = writeSummarySheet(book.host, summary, "zh");
    expect(name).toBe("汇总-合规");
    const sheet = book.sheet(name);
    expect(sheet.Index).toBe(book.sheets.length);
    expect(texts(book, name).some((t) => String(t).includes("LED-"))).toBe(true);
    expect(sheet.links.some((l) => l.subAddress.startsWith("'支出台账'!"))).toBe(true);
    expect(readState(book).summarySheet).toBe(name);
    expect(book.active).toBe(sheet);
    // The user's sheets are as they were.
    for (const [n, cells] of before)
      expect(JSON.stringify([...book.sheet(n as string).cells])).toBe(cells);
  });

  it("rewrites its own sheet in place and never touches a user's sheet of the same name", () => {
    const { model, summary } = project(broken);
    model.sheets.push({ name: "汇总-合规", rows: [[{ v: "我自己的汇总" }]] });
    const book = FakeBook.fromModel(model);
    const first = writeSummarySheet(book.host, summary, "zh");
    expect(first).toBe("汇总-合规 2");
    const second = writeSummarySheet(book.host, project().summary, "en");
    expect(second).toBe(first);
    expect(book.sheets.filter((s) => s.Name.startsWith("汇总-合规"))).toHaveLength(2);
    expect(book.sheet("汇总-合规").Range("A1").Value2).toBe("我自己的汇总");
  });

  it("refuses a protected workbook structure before writing anything, in both languages", () => {
    const { model, summary } = project();
    const book = FakeBook.fromModel(model);
    book.ProtectStructure = true;
    const count = book.sheets.length;
    expect(() => writeSummarySheet(book.host, summary)).toThrow(
      /保护工作簿[\s\S]*Protect Workbook/
    );
    expect(book.sheets).toHaveLength(count);
    expect(book.parts).toEqual([]);
  });
});

describe("the bridge", () => {
  it("reads, selects, and says what is missing or hidden", async () => {
    const { model } = project();
    const book = FakeBook.fromModel(model);
    const bridge = wpsBridge(book.host);
    expect((await bridge.readModel()).source).toBe("WPS");
    expect(await bridge.select("支出台账", "F3")).toBe("selected");
    expect(book.selection).toEqual({ sheet: "支出台账", address: "F3" });
    expect(await bridge.select("不存在", "A1")).toBe("missing");
    book.sheet("人员").Visible = 0;
    expect(await bridge.select("人员", "A1")).toBe("hidden");
    await expect(bridge.insertTemplate("")).rejects.toMatchObject({
      text: { zh: expect.stringContaining("模板"), en: expect.stringContaining("template") },
    });
  });

  it("calls back once edits to a contract sheet pause", async () => {
    jest.useFakeTimers();
    try {
      const book = FakeBook.fromModel(project().model);
      const changed = jest.fn();
      const stop = await wpsBridge(book.host).watch(changed);
      book.edit("支出台账", "F3", 12);
      book.edit("支出台账", "F4", 13);
      jest.advanceTimersByTime(1000);
      expect(changed).toHaveBeenCalledTimes(1);
      await stop();
      book.edit("支出台账", "F5", 14);
      jest.advanceTimersByTime(1000);
      expect(changed).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
