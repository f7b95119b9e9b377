/**
 * The single-file page, dist/standalone/fucai.html, as a county office uses it: opened from disk
 * (file://) in Debian's Chromium with no network at all (an offline context, and every request
 * that is not file:, blob: or data: aborted and recorded). It must start standalone at once,
 * check a sample in the engine's Web Worker, and download the annotated copy and the summary.
 * The file's size and the time to open it and to check a sample go to test-results/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { SAMPLES } from "../../scripts/samples";
import { buildSingleFile, launch, ROOT, SINGLE_FILE } from "../support/browser";

const ARTIFACTS = join(ROOT, "test-results");
const SAMPLE = "03-tokezhake-budget-ledger.xlsx";
let browser: Browser;

beforeAll(async () => {
  buildSingleFile();
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 360_000);

afterAll(async () => {
  await browser?.close();
});

const LOCAL = /^(file|blob|data):/;

describe("the single-file page (dist/standalone/fucai.html)", () => {
  it("is one file that refers to nothing outside itself", () => {
    expect(readdirSync(join(ROOT, "dist", "standalone"))).toEqual(["fucai.html"]);
    const html = readFileSync(SINGLE_FILE, "utf8");
    // Every tag that could fetch: script, link, img, iframe, … with a src or href not data:.
    const fetching = html.match(
      /<(script|link|img|iframe|source|embed|object|audio|video)\b[^>]*\s(src|href)\s*=\s*(?!["']?data:)[^\s>]*/gi
    );
    expect(fetching).toBeNull();
    expect(html).not.toContain("appsforoffice.microsoft.com");
  });

  it("opened from disk and offline, checks a sample in a worker and downloads the copies", async () => {
    const context = await browser.newContext({
      offline: true,
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
    });
    const outside: string[] = [];
    const files: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) files.push(url);
      if (LOCAL.test(url)) return route.continue();
      outside.push(url);
      return route.abort("internetdisconnected");
    });
    context.on("request", (r) => {
      if (!LOCAL.test(r.url()) && !outside.includes(r.url())) outside.push(r.url());
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    const t0 = Date.now();
    await page.goto(pathToFileURL(SINGLE_FILE).href);
    await page.waitForSelector('[data-mode="standalone"]', { timeout: 5_000 });
    const openMs = Date.now() - t0;

    const t1 = Date.now();
    await page.setInputFiles(
      '[data-testid="file-input"]',
      join(ROOT, "workbooks", "samples", SAMPLE)
    );
    await page
      .locator('main button[data-rule="BUD-PERSONNEL"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const checkMs = Date.now() - t1;
    const expected = [
      ...new Set(SAMPLES.find((s) => s.file === SAMPLE)!.expected.map((e) => e.split(" ")[0])),
    ].sort();
    const shown = await page
      .locator("main button[data-rule]")
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-rule")!))].sort());
    expect(shown).toEqual(expected);

    // The engine is the page's one worker, started from the script the page carries.
    const workers = page.workers();
    expect(workers).toHaveLength(1);
    expect(workers[0].url()).toMatch(/^blob:/);
    expect(await workers[0].evaluate(() => (self as unknown as { name: string }).name)).toBe(
      "fucai-engine"
    );

    const [annotated] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载标注副本/ }).click(),
    ]);
    const annotatedPath = join(ARTIFACTS, "single-file-annotated.xlsx");
    await annotated.saveAs(annotatedPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(annotatedPath) as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.getWorksheet("支出台账")!.getCell("F26").note)).toContain(
      "BUD-PERSONNEL"
    );

    // A second file: the summary workbook.
    await page.setInputFiles(
      '[data-testid="file-input"]',
      join(ROOT, "workbooks", "samples", "01-wupaer-final-compliant.xlsx")
    );
    const summaryButton = page.getByRole("button", { name: /下载汇总工作簿/ });
    await summaryButton.waitFor({ timeout: 30_000 });
    const [summary] = await Promise.all([page.waitForEvent("download"), summaryButton.click()]);
    const summaryPath = join(ARTIFACTS, "single-file-summary.xlsx");
    await summary.saveAs(summaryPath);
    const sb = new ExcelJS.Workbook();
    await sb.xlsx.load(readFileSync(summaryPath) as unknown as ArrayBuffer);
    expect(sb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["汇总-县级", "汇总-SFMZ-FC-2024-03", "汇总-SFMZ-FC-2024-01"])
    );

    expect(page.workers()).toHaveLength(1);
    // Nothing from the network, and nothing from disk but the page itself.
    expect(outside).toEqual([]);
    expect(files).toEqual([pathToFileURL(SINGLE_FILE).href]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "single-file-page.png") });
    writeFileSync(
      join(ARTIFACTS, "single-file-figures.json"),
      `${JSON.stringify(
        { bytes: statSync(SINGLE_FILE).size, openMs, checkMs, sample: SAMPLE },
        null,
        2
      )}\n`
    );
    await context.close();
  }, 120_000);

  it("offers the template, the help page and a sample from the start screen, offline", async () => {
    const context = await browser.newContext({ offline: true, acceptDownloads: true });
    const outside: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (LOCAL.test(url)) return route.continue();
      outside.push(url);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(SINGLE_FILE).href);
    const start = page.getByTestId("start");
    await start.waitFor({ timeout: 5_000 });
    // The template, built by the engine: the contract's sheets.
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      start.getByRole("button", { name: "下载标准模板" }).click(),
    ]);
    const templatePath = join(ARTIFACTS, "single-file-template.xlsx");
    await template.saveAs(templatePath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(templatePath) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["项目信息", "预算", "支出台账", "人员", "督导", "月报"])
    );
    // The help page the file carries.
    const [help] = await Promise.all([
      context.waitForEvent("page"),
      start.getByRole("button", { name: "使用帮助" }).click(),
    ]);
    await help.waitForLoadState();
    expect(await help.textContent("h1")).toContain("福彩项目合规助手");
    await help.close();
    // The sample it carries, checked.
    await start.getByRole("button", { name: "试用示例工作簿" }).click();
    await page.waitForSelector(
      'li[data-file="02-zhanmin-interim-behind.xlsx"][data-status="fail"]',
      {
        timeout: 30_000,
      }
    );
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);
});
