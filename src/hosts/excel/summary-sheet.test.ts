import { checkWorkbook } from "../../engine/check";
import type { WorkbookModel } from "../../engine/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { buildSummary, type ProjectSummary } from "../../engine/summary/model";
import { parseStateXml, STATE_NAMESPACE } from "./doc-state";
import { SUMMARY_KEY, SUMMARY_SHEET, writeSummarySheet } from "./summary-sheet";
import { FakeExcel, PAYLOAD_LIMIT } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

const ruleset = bundledRuleSet();

/** The id of the summary sheet the document records (doc-state.ts). */
function recordedId(fake: FakeExcel): string | undefined {
  const part = fake.doc.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE);
  return part ? parseStateXml(part.xml)?.summarySheet : undefined;
}

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

/** The sheet's cells as "A1" -> value, for assertions. */
function cells(fake: FakeExcel, name: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(fake.doc.snapshot())) {
    const [sheet, a1] = [k.slice(0, k.lastIndexOf("!")), k.slice(k.lastIndexOf("!") + 1)];
    if (sheet === name) out.set(a1, JSON.parse(v));
  }
  return out;
}

function sheetSnapshot(fake: FakeExcel, except: (name: string) => boolean) {
  return Object.fromEntries(
    Object.entries(fake.doc.snapshot()).filter(([k]) => !except(k.slice(0, k.lastIndexOf("!"))))
  );
}

describe("writeSummarySheet", () => {
  it("writes facts, budget, KPIs, linked findings and a chart in four syncs", async () => {
    const { model, summary } = project(broken);
    const fake = FakeExcel.fromModel(model);
    const others = sheetSnapshot(fake, () => false);
    const name = await writeSummarySheet(fake.host, summary, "zh");
    expect(name).toBe(SUMMARY_SHEET);
    // What is there; our part; the sheet made; its content and its id recorded.
    expect(fake.stats.syncs).toBe(4);
    const sheet = fake.sheet(name);
    expect(recordedId(fake)).toBe(sheet.id);
    expect(fake.doc.activeSheet).toBe(sheet);

    const values = [...cells(fake, name).values()].map((c) => (c as { value: unknown }).value);
    expect(values).toContain("测试项目");
    expect(values).toContain("人力成本");
    expect(values).toContain("截至目前应达到");
    const budget = summary.budget!.find((b) => b.category === "人力成本")!;
    expect(values).toContain(budget.actual);
    for (const k of summary.kpis) expect(values).toContain(k.attainment);

    const links = [...cells(fake, name).values()]
      .map((c) => (c as { hyperlink: { documentReference?: string } | null }).hyperlink)
      .filter(Boolean);
    const located = summary.findings.filter((f) => f.sheet && f.cell);
    expect(located.length).toBeGreaterThan(0);
    expect(links).toHaveLength(located.length);
    expect(links.map((l) => l!.documentReference)).toContain("'支出台账'!F3");
    expect(values.some((v) => typeof v === "string" && v.startsWith("=HYPERLINK"))).toBe(false);

    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: "BarClustered",
      title: "绩效指标完成率",
      legendVisible: false,
    });
    expect(sheet.charts[0].xValues).toMatch(/^汇总-合规!A\d+:A\d+$/);
    // Nothing else in the workbook changed.
    expect(sheetSnapshot(fake, (s) => s === name)).toEqual(others);
  });

  it("writes text from the workbook as text, never as a live formula", async () => {
    const { model, summary } = project();
    summary.facts.name = '=HYPERLINK("http://example.com","点我")';
    summary.facts.contractor = "+86 机构";
    summary.facts.code = "001";
    summary.facts.township = "@乌帕尔镇";
    const fake = FakeExcel.fromModel(model);
    const name = await writeSummarySheet(fake.host, summary, "en");
    const all = [...cells(fake, name).entries()];
    const find = (v: string) => all.find(([, c]) => (c as { value: unknown }).value === v);
    for (const text of [summary.facts.name, "+86 机构", "001", "@乌帕尔镇"]) {
      const hit = find(text);
      expect(hit).toBeDefined();
      expect((hit![1] as { formula?: string }).formula).toBeUndefined();
    }
    expect(all.some(([, c]) => (c as { formula?: string }).formula !== undefined)).toBe(false);
    expect((find(summary.facts.name)![1] as { quotePrefix: boolean }).quotePrefix).toBe(true);
  });

  it("replaces only its own sheet on a rebuild, in place", async () => {
    const { model, summary } = project(broken);
    const fake = FakeExcel.fromModel(model);
    await writeSummarySheet(fake.host, summary, "zh");
    const first = fake.sheet(SUMMARY_SHEET);
    // The user moves it to the front; a rebuild keeps it there.
    fake.doc.sheets = [first, ...fake.doc.sheets.filter((s) => s !== first)];
    const count = fake.doc.sheets.length;
    const name = await writeSummarySheet(fake.host, summary, "en");
    expect(name).toBe(SUMMARY_SHEET);
    expect(fake.doc.sheets).toHaveLength(count);
    expect(fake.doc.sheets[0].name).toBe(SUMMARY_SHEET);
    expect(fake.doc.sheets[0]).not.toBe(first);
    expect(recordedId(fake)).toBe(fake.doc.sheets[0].id);
    expect(
      [...cells(fake, SUMMARY_SHEET).values()].map((c) => (c as { value: unknown }).value)
    ).toContain("Budget");
  });

  it("never overwrites or deletes a 汇总-合规 sheet the user made", async () => {
    const { model, summary } = project();
    model.sheets.push({ name: SUMMARY_SHEET, rows: [[{ v: "我自己的汇总" }]] });
    const fake = FakeExcel.fromModel(model);
    const mine = fake.sheet(SUMMARY_SHEET);
    const before = sheetSnapshot(fake, () => false);
    const name = await writeSummarySheet(fake.host, summary, "zh");
    expect(name).toBe(`${SUMMARY_SHEET} 2`);
    const again = await writeSummarySheet(fake.host, summary, "zh");
    expect(again).toBe(`${SUMMARY_SHEET} 2`);
    expect(fake.sheet(SUMMARY_SHEET)).toBe(mine);
    expect(sheetSnapshot(fake, (s) => s === name)).toEqual(before);
    expect(fake.doc.sheets.filter((s) => s.name.startsWith(SUMMARY_SHEET))).toHaveLength(2);
  });

  it("treats its sheet as the user's once renamed away from 汇总-", async () => {
    const { model, summary } = project();
    const fake = FakeExcel.fromModel(model);
    await writeSummarySheet(fake.host, summary, "zh");
    fake.sheet(SUMMARY_SHEET).name = "我的报告";
    await writeSummarySheet(fake.host, summary, "zh");
    expect(fake.doc.sheet("我的报告")).toBeDefined();
    expect(fake.doc.sheet(SUMMARY_SHEET)).toBeDefined();
  });

  it("refuses on an Excel without hyperlinks, touching nothing", async () => {
    const { model, summary } = project();
    const fake = FakeExcel.fromModel(model, { apiVersion: "1.6" });
    await expect(writeSummarySheet(fake.host, summary, "zh")).rejects.toThrow(/ExcelApi 1\.7/);
    expect(fake.stats.syncs).toBe(0);
  });
  it("prints on A4 one page wide, findings' header repeated, where ExcelApi 1.9 allows", async () => {
    const { model, summary } = project(broken);
    const fake = FakeExcel.fromModel(model);
    const name = await writeSummarySheet(fake.host, summary, "zh");
    expect(fake.stats.syncs).toBe(4);
    const sheet = fake.sheet(name);
    const header = [...cells(fake, name).entries()].find(
      ([a1, c]) => a1.startsWith("A") && (c as { value: unknown }).value === "规则"
    )![0];
    const row = Number(header.slice(1));
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      centerHorizontally: true,
      printTitleRows: `$${row}:$${row}`,
      footer: { left: "&A", right: "第 &P 页 / 共 &N 页" },
    });
    expect(sheet.pageLayout.printArea).toMatch(/^A1:G\d+$/);
    // Each finding's explanation spans E:G right after its place (C:D): no empty columns
    // between, wrapped, and its row as tall as its lines.
    const findings = summary.findings.length;
    expect(sheet.merges.filter((m) => m.start.col === 4 && m.end.col === 6)).toHaveLength(
      findings + 1
    );
    const explained = cells(fake, name).get(`E${row + 1}`) as {
      value: string;
      wrapText: boolean;
      verticalAlignment: string;
    };
    expect(explained.value).toContain(summary.findings[0].message.zh);
    expect(explained).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    const tall = [...sheet.rowHeights.entries()].filter(([r]) => r >= row);
    expect(tall.length).toBeGreaterThan(0);
    expect(Math.max(...tall.map(([, h]) => h))).toBeLessThanOrEqual(409);
  });

  it("writes the sheet without print setup where Excel lacks ExcelApi 1.9", async () => {
    const { model, summary } = project(broken);
    // Office 2019 has ExcelApi 1.8: the fake fails any pageLayout call there, as Excel does.
    const fake = FakeExcel.fromModel(model, { apiVersion: "1.8" });
    const name = await writeSummarySheet(fake.host, summary, "zh");
    expect(fake.stats.syncs).toBe(4);
    expect(fake.sheet(name).pageLayout).toMatchObject({
      paperSize: "Letter",
      printTitleRows: null,
    });
  });

  it("refuses before touching anything when the workbook's structure is protected", async () => {
    const { model, summary } = project(broken);
    const fake = FakeExcel.fromModel(model);
    fake.doc.structureProtected = true;
    const before = fake.doc.snapshot();
    const count = fake.doc.sheets.length;
    await expect(writeSummarySheet(fake.host, summary, "zh")).rejects.toThrow(
      /工作簿的结构受保护[\s\S]*structure is protected/
    );
    expect(fake.doc.sheets).toHaveLength(count);
    expect(fake.doc.snapshot()).toEqual(before);
  });

  it("writes 6,001 findings in requests within Excel on the web's 5 MB", async () => {
    const { model, summary } = project(broken);
    const located = summary.findings.find((f) => f.sheet && f.cell)!;
    summary.findings = Array.from({ length: 6_001 }, (_, i) => ({
      ...located,
      cell: `B${i + 2}`,
      message: {
        zh: `支出台账第 ${i + 2} 行缺少凭证号，报销凭证无法核对`,
        en: `Ledger row ${i + 2} has no voucher number`,
      },
    }));
    const fake = FakeExcel.fromModel(model);
    const name = await writeSummarySheet(fake.host, summary, "zh");
    expect(fake.stats.refused).toBe(0);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(fake.stats.syncs).toBeGreaterThan(4);
    const links = [...cells(fake, name).values()].filter(
      (c) => (c as { hyperlink: unknown }).hyperlink
    );
    expect(links).toHaveLength(6_001);
    expect(recordedId(fake)).toBe(fake.sheet(name).id);
  }, 60_000);

  it("rebuilds under the production Id the sheet written under the development Id", async () => {
    const { model, summary } = project(broken);
    const dev = FakeExcel.fromModel(model, { addinId: "dev-0000" });
    await writeSummarySheet(dev.host, summary, "zh");
    const count = dev.doc.sheets.length;
    const prod = new FakeExcel(dev.doc, { addinId: "prod-1111" });
    expect(await writeSummarySheet(prod.host, summary, "en")).toBe(SUMMARY_SHEET);
    expect(dev.doc.sheets).toHaveLength(count);
  });

  it("finds the sheet an earlier version recorded in the settings", async () => {
    const { model, summary } = project(broken);
    const fake = FakeExcel.fromModel(model);
    await writeSummarySheet(fake.host, summary, "zh");
    // As the previous version left it: the id in the settings, no part of ours.
    fake.doc.settings.set(SUMMARY_KEY, fake.sheet(SUMMARY_SHEET).id);
    fake.doc.customXmlParts = [];
    const count = fake.doc.sheets.length;
    expect(await writeSummarySheet(fake.host, summary, "zh")).toBe(SUMMARY_SHEET);
    expect(fake.doc.sheets).toHaveLength(count);
    expect(fake.doc.settings.has(SUMMARY_KEY)).toBe(false);
  });
});
