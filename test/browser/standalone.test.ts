/**
 * The pane as a standalone page in a real browser: every sample uploaded and checked, a finding
 * selecting its cell in the preview, the annotated copy and the summary downloaded and read
 * back, a screenshot for the record, axe-core's accessibility audit; and the two pages' start:
 * index.html (the browser page) never loads Office.js, taskpane.html (the pane in Office) loads it
 * from Microsoft's CDN only (served here from the npm package by routing that URL, or failing as
 * offline), both reaching standalone mode within 3 seconds, and no query parameter making either
 * load a script from anywhere else.
 */
import { readFileSync } from "fs";
import http from "http";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { SAMPLES } from "../../scripts/samples";
import { ARTIFACTS, OFFICE_JS, ROOT, routeOfficeCdn, servedPage } from "../support/browser";

const served = servedPage();

/** The browser page (index.html), which never loads Office.js. */
function open(): Promise<Page> {
  return served.open({ width: 1400, height: 900 }, true);
}

async function upload(page: Page, ...files: string[]) {
  await page.setInputFiles(
    '[data-testid="file-input"]',
    files.map((f) => join(ROOT, "workbooks", "samples", f))
  );
}

function expectedRules(file: string): string[] {
  const sample = SAMPLES.find((s) => s.file === file)!;
  return [...new Set(sample.expected.map((e) => e.split(" ")[0]))].sort();
}

/** Rules shown for the file: its problems (buttons) and its progress on track (listed apart). */
async function shownRules(page: Page): Promise<string[]> {
  const rules = await page
    .locator('main button[data-rule], main [data-testid="progress"] [data-rule]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")!));
  return [...new Set(rules)].sort();
}

describe("the standalone page", () => {
  it.each(SAMPLES.map((s) => s.file))(
    "checks %s and shows the rule IDs it must produce",
    async (file) => {
      const page = await open();
      await upload(page, file);
      const expected = expectedRules(file);
      await page.waitForSelector('li[data-file][data-status]:not([data-status="checking"])', {
        timeout: 30_000,
      });
      if (!expected.length) await page.waitForSelector('[role="status"]', { timeout: 30_000 });
      expect(await shownRules(page)).toEqual(expected);
      await page.close();
    },
    60_000
  );

  it("selects a finding's cell in the preview when the finding is clicked", async () => {
    const page = await open();
    await upload(page, "03-tokezhake-budget-ledger.xlsx");
    const finding = page.locator('main button[data-cell="支出台账!C31"]').first();
    await finding.waitFor({ timeout: 30_000 });
    await finding.click();
    const selected = page.locator('td[aria-selected="true"]');
    await selected.waitFor({ timeout: 10_000 });
    expect(await selected.getAttribute("data-cell")).toBe("支出台账!C31");
    expect(await selected.textContent()).toBe("办公费");
    await page.screenshot({ path: join(ARTIFACTS, "standalone-pane.png"), fullPage: false });
    await page.close();
  }, 60_000);

  it("downloads the annotated copy and the summary workbook, which read back", async () => {
    const page = await open();
    await upload(page, "03-tokezhake-budget-ledger.xlsx", "01-wupaer-final-compliant.xlsx");
    await page.locator('li[data-file="03-tokezhake-budget-ledger.xlsx"] button').first().click();
    await page
      .locator('main button[data-rule="BUD-PERSONNEL"]')
      .first()
      .waitFor({ timeout: 30_000 });
    const [annotated] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载标注副本/ }).click(),
    ]);
    const annotatedPath = join(ARTIFACTS, "annotated.xlsx");
    await annotated.saveAs(annotatedPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(annotatedPath) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("支出台账")!.getCell("F26");
    expect(JSON.stringify(cell.note)).toContain("BUD-PERSONNEL");
    expect(wb.getWorksheet("汇总-检查结果")).toBeDefined();
    const [summary] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载汇总工作簿/ }).click(),
    ]);
    const summaryPath = join(ARTIFACTS, "summary.xlsx");
    await summary.saveAs(summaryPath);
    const sb = new ExcelJS.Workbook();
    await sb.xlsx.load(readFileSync(summaryPath) as unknown as ArrayBuffer);
    expect(sb.worksheets.map((w) => w.name)).toEqual([
      "汇总-县级",
      "汇总-交叉检查",
      "汇总-审核意见",
      "汇总-SFMZ-FC-2024-03",
      "汇总-SFMZ-FC-2024-01",
      "读取失败",
    ]);
    await page.close();
  }, 90_000);

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const page = await open();
    await upload(page, "03-tokezhake-budget-ledger.xlsx");
    await page.locator("main button[data-rule]").first().waitFor({ timeout: 30_000 });
    await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(): Promise<{
              violations: { id: string; impact: string; nodes: { html: string }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run();
      // Fluent UI's focus helpers (tabster's data-tabster-dummy elements) are focusable and
      // aria-hidden on purpose: they hand focus on at once. Microsoft's own Accessibility Insights
      // suppresses exactly these nodes (microsoft/tabster#288); every other node still counts.
      return result.violations
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.filter(
            (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))
          ).length,
        }))
        .filter((v) => v.nodes > 0);
    });
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.close();
  }, 60_000);
});

describe("what people see", () => {
  /** Nothing wider than the page, and every row number of the preview in view. */
  async function expectFits(page: Page) {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Inside a container that scrolls sideways (the grid, the sheet tabs) is not overflow,
      // as long as the container itself fits.
      const inScroller = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === "auto" || o === "scroll") return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll("main *")].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && !inScroller(el);
      });
      return { width, scroll: document.documentElement.scrollWidth, wide: wide.length };
    });
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
    expect(overflow.wide).toBe(0);
    const heads = page.locator('[role="region"] tbody th[scope="row"]');
    const region = await page.locator('[role="region"]').boundingBox();
    const first = await heads.first().boundingBox();
    expect(first!.x).toBeGreaterThanOrEqual(region!.x - 1);
  }

  it.each([
    ["wide", 1366, 900],
    ["350px", 350, 800],
  ])(
    "fits a %s window, with the start screen, the batch, findings and preview",
    async (label, width, height) => {
      const page = await served.browser.newPage({ viewport: { width, height } });
      await page.goto(`${served.url}/`);
      await page.waitForSelector('[data-testid="start"]', { timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, `page-start-${label}.png`), fullPage: true });
      await upload(
        page,
        "02-zhanmin-interim-behind.xlsx",
        "04-wupaer-staff-kpi.xlsx",
        "05-zhanmin-format-drift.xlsx"
      );
      await page.waitForSelector('[data-testid="cross"]', { timeout: 30_000 });
      await page.locator('li[data-file="05-zhanmin-format-drift.xlsx"] button').first().click();
      await page
        .locator('main button[data-rule="WB-FORMULA"]')
        .first()
        .waitFor({ timeout: 30_000 });
      // Scrolled to the right in the grid, the row numbers stay.
      await page.locator('[role="region"]').evaluate((el) => (el.scrollLeft = 400));
      await expectFits(page);
      await page.screenshot({ path: join(ARTIFACTS, `page-checked-${label}.png`), fullPage: true });
      await page.close();
    },
    90_000
  );

  it("keeps the table's header row in view on the next page of rows", async () => {
    // Sample 01 with 100 more ledger rows: two pages of rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      readFileSync(join(ROOT, "workbooks", "samples", "01-wupaer-final-compliant.xlsx")) as never
    );
    const ledger = wb.getWorksheet("支出台账")!;
    for (let i = 0; i < 100; i += 1) ledger.addRow([null, `X-${i}`]);
    const long = join(ARTIFACTS, "long-ledger.xlsx");
    await wb.xlsx.writeFile(long);
    const page = await open();
    await page.setInputFiles('[data-testid="file-input"]', long);
    await page.waitForSelector('li[data-file][data-status]:not([data-status="checking"])', {
      timeout: 30_000,
    });
    await page.locator('[data-sheet-tab="支出台账"]').click();
    await page.getByRole("button", { name: "▼" }).click();
    const frozen = page.locator('tr[data-frozen="true"]');
    await frozen.waitFor({ timeout: 10_000 });
    expect(await frozen.textContent()).toContain("日期");
    await page.locator('[role="region"]').evaluate((el) => (el.scrollTop = 10_000));
    const box = await frozen.boundingBox();
    const region = await page.locator('[role="region"]').boundingBox();
    expect(box!.y).toBeLessThan(region!.y + 60);
    await page.close();
  }, 60_000);
});

describe("without an Office host", () => {
  it("taskpane.html reaches standalone mode within 3 s with the real office.js at Microsoft's address", async () => {
    const page = await served.browser.newPage();
    const asked = await routeOfficeCdn(page, "local");
    const t0 = Date.now();
    await page.goto(`${served.url}/taskpane.html`);
    await page.waitForSelector('[data-mode="standalone"]', { timeout: 3_000 });
    expect(Date.now() - t0).toBeLessThan(3_000);
    // The real library ran, and said there is no Office host.
    expect(asked[0]).toBe(OFFICE_JS);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      "object"
    );
    await page.close();
  }, 20_000);

  it.each(["refused", "unresolved"] as const)(
    "taskpane.html reaches standalone mode within 3 s when office.js cannot load (%s)",
    async (mode) => {
      const page = await served.browser.newPage();
      const asked = await routeOfficeCdn(page, mode);
      const t0 = Date.now();
      await page.goto(`${served.url}/taskpane.html`, { waitUntil: "commit" });
      await page.waitForSelector('[data-mode="standalone"]', { timeout: 3_000 });
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(asked).toEqual([OFFICE_JS]);
      await page.close();
    },
    20_000
  );

  it("index.html never asks for office.js: standalone within 3 s even when Microsoft's CDN hangs", async () => {
    for (const path of ["/", "/index.html", "/?samples"]) {
      const page = await served.browser.newPage();
      const asked = await routeOfficeCdn(page, "hang");
      const t0 = Date.now();
      await page.goto(`${served.url}${path}`, { waitUntil: "commit" });
      await page.waitForSelector('[data-mode="standalone"]', { timeout: 3_000 });
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(asked).toEqual([]);
      await page.close();
    }
  }, 30_000);
});

describe("no query parameter chooses a script", () => {
  /** Every query parameter name the pane's sources read, and the names a script URL might use. */
  function parameterNames(): string[] {
    const names = new Set(["officejs", "office", "script", "src", "url", "js", "lib", "host"]);
    const files = [
      "src/ui/taskpane/index.tsx",
      "src/ui/office.ts",
      "src/ui/App.tsx",
      "src/ui/legacy/boot.js",
    ];
    for (const f of files)
      for (const m of readFileSync(join(ROOT, f), "utf8").matchAll(
        /\.(?:get|has|getAll)\("([^"]+)"\)/g
      ))
        names.add(m[1]);
    return [...names];
  }

  it("loads scripts only from its own origin and Microsoft's Office.js, whatever the query says", async () => {
    // Another origin that would serve a script, and counts who asks.
    let hits = 0;
    const evil = http.createServer((_req, res) => {
      hits += 1;
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end("window.__evil = true;");
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", () => r()));
    const evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}/evil.js`;
    const names = parameterNames();
    expect(names).toEqual(expect.arrayContaining(["officejs", "samples", "lang"]));
    const value = encodeURIComponent(evilUrl);
    const queries = [
      names.map((n) => `${n}=${value}`).join("&"),
      `officejs=${value}#officejs=${value}`,
      `lang=en&samples&officejs=${encodeURIComponent("//127.0.0.1/evil.js")}`,
    ];
    try {
      for (const path of ["/", "/index.html", "/taskpane.html"])
        for (const query of queries) {
          const page = await served.browser.newPage();
          await routeOfficeCdn(page, "local");
          const scripts: string[] = [];
          page.on("request", (r) => {
            if (r.resourceType() === "script") scripts.push(r.url());
          });
          await page.goto(`${served.url}${path}?${query}`);
          await page.waitForSelector('[data-mode="standalone"]', { timeout: 5_000 });
          for (const url of scripts)
            expect({
              path,
              query,
              url,
              ours:
                url.startsWith(`${served.url}/`) ||
                url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/"),
            }).toEqual({ path, query, url, ours: true });
          expect(scripts.some((u) => u.startsWith(`${served.url}/taskpane.`))).toBe(true);
          expect(
            await page.evaluate(() => (window as { __evil?: boolean }).__evil)
          ).toBeUndefined();
          await page.close();
        }
      expect(hits).toBe(0);
    } finally {
      evil.closeAllConnections();
      evil.close();
    }
  }, 90_000);
});
