/**
 * Every workbook we write prints legibly on A4: the template, an annotated copy (sample 03)
 * and the bureau's summary (Chinese and English) are printed to PDF by LibreOffice and read
 * back with poppler-utils. Each sheet prints one page wide with its header row on every page
 * and a sensible number of pages; every string we wrote is whole in the PDF; no text is drawn
 * over other text, off the page, invisible (white on no fill) or as ###. A control workbook
 * with each of those faults proves the checks see them. The pages are kept as PNG images in
 * test-results/print/ to look at.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { printSetup } from "../src/hosts/xlsx/template/print";
import { buildCli, fucai, ROOT, SAMPLE, SAMPLES_DIR } from "./support/cli";
import {
  invisibleWords,
  missingStrings,
  overlappingWords,
  pagesAsPng,
  popplerInstalled,
  printToPdf,
  readPdf,
  sheetTexts,
  wordsOffPage,
  type Page,
  type SheetText,
} from "./support/print";
import { ACCEPT, reviewedSample } from "./support/reviews";

const dir = mkdtempSync(join(tmpdir(), "fucai-print-test-"));
const PNG_DIR = join(ROOT, "test-results", "print");

const FILES = {
  template: join(ROOT, "workbooks", "template.xlsx"),
  annotated: join(dir, "annotated.xlsx"),
  summary: join(dir, "summary.xlsx"),
  "summary-en": join(dir, "summary-en.xlsx"),
  /** A summary of workbooks with accepted findings: 汇总-审核意见 filled. */
  reviews: join(dir, "reviews.xlsx"),
  control: join(dir, "control.xlsx"),
};
type Name = keyof typeof FILES;

interface Printed {
  pages: Page[];
  sheets: SheetText[];
}
const printed = {} as Record<Name, Printed>;

/** Samples 03 and 04 again, with findings accepted (and one explained) in 审核意见. */
async function reviewedSamples(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  await reviewedSample("03-tokezhake-budget-ledger.xlsx", join(folder, "03.xlsx"), (fs) => [
    { finding: fs.find((f) => f.rule === "PRJ-AMOUNT")!, input: ACCEPT },
    {
      finding: fs.find((f) => f.rule === "BUD-OVERRUN")!,
      input: { ...ACCEPT, reason: "评估费用按评估机构报价调整，已批准", reviewer: "李娜" },
    },
    {
      finding: fs.find((f) => f.rule === "LED-VOUCHER" && f.severity === "warning")!,
      input: {
        ...ACCEPT,
        explanation: "退款凭证遗失，已向开户银行申请补打回单，补齐后附在凭证后。",
        reason: "银行回单可替代凭证，已核实退款到账",
      },
    },
  ]);
  await reviewedSample("04-wupaer-staff-kpi.xlsx", join(folder, "04.xlsx"), (fs) => [
    {
      finding: fs.find((f) => f.severity === "error")!,
      input: { ...ACCEPT, reason: "人员变动已报民政局同意，新社工已到岗，资质证明附后" },
    },
  ]);
}

/** A workbook with one fault per sheet, each of which the checks must see. */
async function control(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const white = wb.addWorksheet("白字表头");
  white.columns = [{ width: 20 }];
  white.getCell("A1").value = "看不见的表头";
  white.getCell("A1").font = { name: "Calibri", size: 11, color: { argb: "FFFFFFFF" } };
  const cut = wb.addWorksheet("被截断");
  cut.columns = [{ width: 8 }, { width: 8 }];
  cut.getCell("A1").value = "这一段说明文字很长会被右边的单元格挡住";
  cut.getCell("B1").value = "邻居";
  const short = wb.addWorksheet("行高不够");
  short.columns = [{ width: 12 }];
  short.getCell("A1").value = "第一行文字很长需要换行显示第二行文字很长需要换行显示第三行文字很长";
  short.getCell("A1").alignment = { wrapText: true, vertical: "top" };
  short.getRow(1).height = 15;
  short.getCell("A2").value = "下一行";
  const narrow = wb.addWorksheet("数字太宽");
  narrow.columns = [{ width: 3 }];
  narrow.getCell("A1").value = 123456789;
  for (const ws of wb.worksheets) printSetup(ws);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  if (!popplerInstalled())
    throw new Error("poppler-utils (pdftotext, pdftoppm) is not installed: run npm run setup");
  buildCli();
  fucai(["check", SAMPLE.budget, "--annotate", FILES.annotated]);
  fucai(["summary", SAMPLES_DIR, "-o", FILES.summary]);
  fucai(["summary", SAMPLES_DIR, "-o", FILES["summary-en"], "--lang", "en"]);
  await reviewedSamples(join(dir, "reviewed"));
  fucai(["summary", join(dir, "reviewed"), "-o", FILES.reviews]);
  await control(FILES.control);
  const names = Object.keys(FILES) as Name[];
  const pdfs = printToPdf(names.map((n) => FILES[n]));
  rmSync(PNG_DIR, { recursive: true, force: true });
  mkdirSync(PNG_DIR, { recursive: true });
  for (const [i, name] of names.entries()) {
    printed[name] = { pages: readPdf(pdfs[i]), sheets: await sheetTexts(FILES[name]) };
    if (name !== "control") pagesAsPng(pdfs[i], join(PNG_DIR, name));
  }
}, 180_000);

function pagesOf(name: Name, sheet: string): Page[] {
  return printed[name].pages.filter((p) => p.sheet === sheet);
}

/** What is wrong with one sheet's printout, as lines (none when it prints legibly). */
function faults(name: Name, sheet: SheetText): string[] {
  const pages = pagesOf(name, sheet.sheet);
  if (!pages.length) return [`${sheet.sheet}: not printed`];
  const out: string[] = [];
  const missing = missingStrings(sheet.strings, pages.map((p) => p.text).join("\n"));
  if (missing.length) out.push(`${sheet.sheet}: cut or missing ${JSON.stringify(missing)}`);
  // One page wide, header repeated: from the page where the header row first prints, every
  // page holds all of it.
  const first = pages.findIndex((p) => !missingStrings(sheet.titleRow, p.text).length);
  if (sheet.titleRow.length && first < 0) out.push(`${sheet.sheet}: header row not whole`);
  for (const p of pages.slice(Math.max(0, first)))
    if (sheet.titleRow.length && missingStrings(sheet.titleRow, p.text).length)
      out.push(`${sheet.sheet}: page ${p.number} lacks the header row`);
  for (const p of pages) {
    const checks: [string, string[]][] = [
      ["text over text", overlappingWords(p)],
      ["text not drawn", invisibleWords(p)],
      ["text off the page", wordsOffPage(p)],
      ["number too wide (###)", p.text.includes("###") ? ["###"] : []],
    ];
    for (const [what, words] of checks)
      if (words.length) out.push(`${sheet.sheet} p${p.number}: ${what} ${JSON.stringify(words)}`);
  }
  return out;
}

/** Relative luminance of an ARGB colour, 0 (black) to 1 (white). */
function luminance(argb: string): number {
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function pageCounts(name: Name): Record<string, number> {
  return Object.fromEntries(
    printed[name].sheets.map((s) => [s.sheet, pagesOf(name, s.sheet).length])
  );
}

describe("printing with LibreOffice", () => {
  it("sees each fault of the control workbook", () => {
    const sheet = (s: string) => printed.control.sheets.find((x) => x.sheet === s)!;
    expect(faults("control", sheet("白字表头")).join("\n")).toMatch(/text not drawn/);
    expect(faults("control", sheet("被截断")).join("\n")).toMatch(/cut or missing/);
    expect(faults("control", sheet("行高不够")).join("\n")).toMatch(/text (over text|not drawn)/);
    expect(faults("control", sheet("数字太宽")).join("\n")).toMatch(/###/);
  });

  it.each(["template", "annotated", "summary", "summary-en", "reviews"] as const)(
    "prints every sheet of the %s legibly",
    (name) => {
      const unknown = printed[name].pages.filter(
        (p) => !printed[name].sheets.some((s) => s.sheet === p.sheet)
      );
      expect(unknown.map((p) => `${p.number}: ${p.sheet}`)).toEqual([]);
      expect(printed[name].sheets.flatMap((s) => faults(name, s))).toEqual([]);
    }
  );

  it("prints the template's sheets on sensible page counts, 说明 with wrapped rules", () => {
    const counts = pageCounts("template");
    const { 说明: instructions, ...tables } = counts;
    expect(instructions).toBeGreaterThanOrEqual(2);
    expect(instructions).toBeLessThanOrEqual(7);
    for (const [sheet, n] of Object.entries(tables)) expect({ sheet, n }).toEqual({ sheet, n: 1 });
  });

  it("prints the annotated copy's findings one page wide in a few pages", () => {
    const counts = pageCounts("annotated");
    expect(counts["汇总-检查结果"]).toBeGreaterThanOrEqual(1);
    expect(counts["汇总-检查结果"]).toBeLessThanOrEqual(5);
    // 汇总-依据 lists every row behind the figures (sample 03: 84 rows): a few more pages.
    const { 说明: instructions, "汇总-依据": evidence, ...others } = counts;
    expect(instructions).toBeLessThanOrEqual(7);
    expect(evidence).toBeGreaterThanOrEqual(2);
    expect(evidence).toBeLessThanOrEqual(8);
    for (const [sheet, n] of Object.entries(others))
      expect({ sheet, n: n <= 5 }).toEqual({ sheet, n: true });
  });

  it.each(["summary", "summary-en"] as const)(
    "prints the %s's overview of seven projects on one page",
    (name) => {
      const counts = pageCounts(name);
      expect(counts["汇总-县级"]).toBe(1);
      expect(counts["读取失败"]).toBe(1);
      expect(counts["汇总-交叉检查"]).toBeLessThanOrEqual(3);
      const projects = Object.entries(counts).filter(([s]) => /^汇总-SFMZ/.test(s));
      expect(projects).toHaveLength(7);
      for (const [sheet, n] of projects) expect({ sheet, n: n <= 7 }).toEqual({ sheet, n: true });
    }
  );

  it("prints 汇总-审核意见 with every accepted finding, and the template's empty 审核意见, on one page", () => {
    expect(pageCounts("reviews")["汇总-审核意见"]).toBe(1);
    expect(pageCounts("summary")["汇总-审核意见"]).toBe(1);
    expect(pageCounts("template")["审核意见"]).toBe(1);
    const text = pagesOf("reviews", "汇总-审核意见")
      .map((p) => p.text)
      .join("\n");
    for (const word of ["王建华", "李娜", "已批准", "SFMZ-FC-2024-03", "SFMZ-FC-2024-04"])
      expect(text).toContain(word);
  });

  it("gives every header row a real fill with dark text (white text only on a dark fill)", async () => {
    for (const file of [FILES.template, FILES.summary, FILES.annotated, FILES.reviews]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      const bad: string[] = [];
      for (const ws of wb.worksheets) {
        const titles = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? "");
        if (!titles) continue;
        for (let r = Number(titles[1]); r <= Number(titles[2]); r += 1)
          ws.getRow(r).eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Merge || !cell.text) return;
            const fill = cell.fill as ExcelJS.FillPattern | undefined;
            const text = (cell.font?.color as { argb?: string } | undefined)?.argb ?? "FF000000";
            const back = (fill?.fgColor as { argb?: string } | undefined)?.argb;
            const readable =
              fill?.pattern === "solid" &&
              back !== undefined &&
              Math.abs(luminance(text) - luminance(back)) > 0.5;
            if (!readable) bad.push(`${ws.name}!${cell.address}`);
          });
      }
      expect({ file, bad }).toEqual({ file, bad: [] });
    }
  });

  it("keeps the pages as PNG images in test-results/print", () => {
    const pngs = readdirSync(PNG_DIR).filter((f) => f.endsWith(".png"));
    for (const name of ["template", "annotated", "summary"])
      expect(pngs.filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f)).length).toBe(
        printed[name as Name].pages.length
      );
  });
});
