/**
 * The WPS task pane (dist/wps/publish/fucai-compliance/taskpane.html, built by `npm run
 * build:wps`) in Debian's Chromium, served over http as in publish mode. WPS itself is not on
 * Linux: the page gets `window.Application`, the fake ET object model of src/hosts/wps/testing
 * (bundled here by esbuild) holding a sample workbook, as WPS injects its Application into add-in
 * pages. The pane checks at once, lists the findings, marks the workbook and clears it again,
 * writes a review row into 审核意见 that the re-check applies;
 * screenshots at 350 px (a docked task pane) and 1200 px go to test-results/.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { buildSync } from "esbuild";
import { readWorkbookModel } from "../../src/hosts/xlsx/read-model";
import { launch, ROOT } from "../support/browser";
import { buildWps } from "../support/wps";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const serve = require("../../scripts/serve.js") as {
  createServer(options: { web: string }): import("http").Server;
  listen(server: import("http").Server, port: number): Promise<number>;
};

const ARTIFACTS = join(ROOT, "test-results");
const PUBLISH = join(ROOT, "dist", "wps", "publish");
const SAMPLE = "03-tokezhake-budget-ledger.xlsx";
let browser: Browser;
let server: import("http").Server;
let base: string;
let fakeScript: string;

beforeAll(async () => {
  await buildWps();
  const bundle = buildSync({
    entryPoints: [join(ROOT, "src", "hosts", "wps", "testing", "fake-et.ts")],
    bundle: true,
    format: "iife",
    globalName: "FucaiFakeWps",
    write: false,
    platform: "browser",
    target: "es2020",
  });
  fakeScript = bundle.outputFiles[0].text;
  server = serve.createServer({ web: PUBLISH });
  base = `http://127.0.0.1:${await serve.listen(server, 0)}`;
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(() => r(undefined)));
});

/** The pane as WPS shows it: the fake Application holding the sample, then the page. */
async function openInWps(width: number): Promise<Page> {
  const model = readWorkbookModel(
    new Uint8Array(readFileSync(join(ROOT, "workbooks", "samples", SAMPLE))),
    SAMPLE
  );
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(
    `${fakeScript};\nwindow.Application = FucaiFakeWps.FakeBook.fromModel(${JSON.stringify(model)});`
  );
  await page.goto(`${base}/fucai-compliance/taskpane.html`);
  await page.waitForSelector('[data-mode="wps"]', { timeout: 15_000 });
  await page.locator("main button[data-rule]").first().waitFor({ timeout: 60_000 });
  // The check is over when its button can be pressed again.
  await page.waitForSelector('[data-testid="check"]:not([disabled])', { timeout: 60_000 });
  return page;
}

describe("the WPS task pane", () => {
  it("checks the open workbook at once, marks it and clears it, at 350 px", async () => {
    const page = await openInWps(350);
    const rules = await page
      .locator("main button[data-rule]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
    expect(rules).toContain("LED-AMOUNT");
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-350.png") });
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-350-full.png"), fullPage: true });
    // No horizontal scrolling in a docked pane.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: /^标记/ }).first().click();
    await page.waitForFunction(
      () =>
        (window as unknown as { Application: { parts: unknown[] } }).Application.parts.length > 0,
      undefined,
      { timeout: 15_000 }
    );
    const marked = await page.evaluate(() => {
      const book = (
        window as unknown as {
          Application: {
            sheets: { cells: Map<string, { interior?: unknown; comment?: string }> }[];
          };
        }
      ).Application;
      return book.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.interior).length;
    });
    expect(marked).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-350-marked.png") });

    await page
      .getByRole("button", { name: /^生成汇总/ })
      .first()
      .click();
    await page.waitForFunction(
      () =>
        (
          window as unknown as { Application: { sheets: { Name: string }[] } }
        ).Application.sheets.some((s) => s.Name === "汇总-合规"),
      undefined,
      { timeout: 15_000 }
    );

    await page
      .getByRole("button", { name: /^清除标记/ })
      .first()
      .click();
    await page.waitForFunction(
      () =>
        (
          window as unknown as { Application: { parts: { xml: string }[] } }
        ).Application.parts.every((p) => !p.xml.includes("marks")),
      undefined,
      { timeout: 15_000 }
    );
    await page.close();
  }, 120_000);

  it("writes a review into 审核意见 from the form, and the re-check counts it as accepted", async () => {
    const page = await openInWps(1200);
    const target = page.locator("main li", {
      has: page.locator('button[data-rule="BUD-PERSONNEL"][data-cell="预算!B2"]'),
    });
    await target.getByTestId("review-action").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog
      .getByTestId("review-explanation")
      .fill("人员调整已于 2024 年 5 月报县民政局备案。");
    await dialog.getByTestId("review-decision").selectOption("认可");
    await dialog.getByTestId("review-reason").fill("经县民政局批准调整人员预算");
    await dialog.getByTestId("review-reviewer").fill("王建华");
    await dialog.getByTestId("review-date").fill("2024-12-20");
    await dialog.getByTestId("review-save").click();
    await target.locator('button[data-accepted="true"]').waitFor({ timeout: 30_000 });
    expect(await target.textContent()).toContain("已认可（王建华，2024-12-20）");
    // The row is in the workbook WPS holds (the sample's template table, its first row).
    const row = await page.evaluate(() => {
      const book = (
        window as unknown as {
          Application: { sheets: { Name: string; cells: Map<string, { value?: unknown }> }[] };
        }
      ).Application;
      const sheet = book.sheets.find((s) => s.Name === "审核意见");
      return sheet ? [0, 1, 5, 7].map((c) => sheet.cells.get(`1,${c}`)?.value) : null;
    });
    expect(row).toEqual(["BUD-PERSONNEL", "预算!B2", "认可", "王建华"]);
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-1200-review.png") });
    await page.close();
  }, 120_000);

  it("shows the same pane wide, and in English", async () => {
    const page = await openInWps(1200);
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-1200.png") });
    await page.getByRole("button", { name: "English" }).click();
    await page
      .getByRole("button", { name: /Check again|Check compliance/ })
      .first()
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "wps-pane-1200-en.png") });
    await page.close();
  }, 120_000);

  it("is the standalone page when opened outside WPS", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${base}/fucai-compliance/taskpane.html`);
    await page.waitForSelector('[data-mode="standalone"]', { timeout: 15_000 });
    await page.close();
  }, 60_000);
});
