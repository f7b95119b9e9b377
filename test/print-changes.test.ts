/**
 * 汇总-变更 prints legibly on A4 (beside test/print.test.ts, which prints the rest): the
 * summary of a folder with two monthly submissions of one project and two more projects, in
 * Chinese and English, printed to PDF by LibreOffice and read back with poppler-utils. One page
 * wide, every string whole, no text over text, off the page, undrawn or ###. The pages are
 * kept as PNG images in test-results/print-changes/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildCli, fucai, ROOT, SAMPLE } from "./support/cli";
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
import { writeSubmissions } from "./support/submissions";

const SHEET = "汇总-变更";
const PNG_DIR = join(ROOT, "test-results", "print-changes");
let dir: string;
const printed: Record<"zh" | "en", { pages: Page[]; sheet: SheetText }> = {} as never;

beforeAll(async () => {
  if (!popplerInstalled())
    throw new Error("poppler-utils (pdftotext, pdftoppm) is not installed: run npm run setup");
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "fucai-print-changes-"));
  const folder = join(dir, "in");
  mkdirSync(folder);
  await writeSubmissions(folder);
  await writeSubmissions(folder, { code: "SFMZ-FC-2024-12", prefix: "P12-" });
  copyFileSync(SAMPLE.compliant, join(folder, "01-wupaer-final-compliant.xlsx"));
  const files = { zh: join(dir, "summary.xlsx"), en: join(dir, "summary-en.xlsx") };
  expect(fucai(["summary", folder, "-o", files.zh]).code).toBe(0);
  expect(fucai(["summary", folder, "-o", files.en, "--lang", "en"]).code).toBe(0);
  const pdfs = printToPdf([files.zh, files.en]);
  rmSync(PNG_DIR, { recursive: true, force: true });
  mkdirSync(PNG_DIR, { recursive: true });
  for (const [i, lang] of (["zh", "en"] as const).entries()) {
    const sheet = (await sheetTexts(files[lang])).find((s) => s.sheet === SHEET)!;
    printed[lang] = { pages: readPdf(pdfs[i]).filter((p) => p.sheet === SHEET), sheet };
    pagesAsPng(pdfs[i], join(PNG_DIR, `summary-${lang}`));
  }
}, 240_000);

afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe("汇总-变更 printed with LibreOffice", () => {
  it.each(["zh", "en"] as const)("prints whole and legible (%s)", (lang) => {
    const { pages, sheet } = printed[lang];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(missingStrings(sheet.strings, pages.map((p) => p.text).join("\n"))).toEqual([]);
    const faults: string[] = [];
    for (const p of pages) {
      for (const [what, words] of [
        ["text over text", overlappingWords(p)],
        ["text not drawn", invisibleWords(p)],
        ["text off the page", wordsOffPage(p)],
        ["###", p.text.includes("###") ? ["###"] : []],
      ] as const)
        if (words.length) faults.push(`p${p.number}: ${what} ${JSON.stringify(words)}`);
    }
    expect(faults).toEqual([]);
  });

  it("prints both projects one after the other, one page wide, in a few pages", () => {
    const { pages } = printed.zh;
    const text = pages.map((p) => p.text).join("\n");
    const [first, second] = ["SFMZ-FC-2024-02", "SFMZ-FC-2024-12"].map((code) =>
      text.indexOf(`治理项目（${code}）`)
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(pages[0].text).toMatch(/报送变更：各项目最近两次报送的比较/);
    expect(pages.length).toBeLessThanOrEqual(5);
    for (const p of pages) expect(p.width).toBeLessThan(p.height); // portrait
  });
});
