/**
 * "与上次报送比较" on the standalone page in Chromium: samples 06 (the August submission) and
 * 02 (October) loaded, 02 chosen, 06 picked among the loaded files or as a file; the SUB-RETRO
 * row is shown and a click opens the preview at its cell. Screenshots at 1366 px and 350 px go
 * to test-results/ (compare-*.png).
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, ROOT, servedPage } from "../support/browser";

const SAMPLES = join(ROOT, "workbooks", "samples");
const EARLIER = "06-zhanmin-interim-earlier.xlsx";
const LATER = "02-zhanmin-interim-behind.xlsx";
const served = servedPage();

async function open(width: number, height: number): Promise<Page> {
  const page = await served.open({ width, height });
  return page;
}

/** Both samples loaded and checked, 02 (the later one) chosen. */
async function loadBoth(page: Page) {
  await page.setInputFiles(
    '[data-testid="file-input"]',
    [LATER, EARLIER].map((f) => join(SAMPLES, f))
  );
  await page.waitForFunction(
    () =>
      document.querySelectorAll('li[data-file][data-status]:not([data-status="checking"])')
        .length === 2,
    undefined,
    { timeout: 30_000 }
  );
  await page.locator(`li[data-file="${LATER}"] button`).first().click();
  await page.locator('[data-testid="compare"]').waitFor({ timeout: 10_000 });
}

/**
 * axe-core's serious and critical violations in the comparison section (tabster's focus helpers
 * aside, as in standalone.test.ts; the rest of the page is standalone.test.ts's).
 */
async function axeViolations(page: Page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
    return (await axe.run('[data-testid="compare"]')).violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))
        ).length,
      }))
      .filter((v) => v.nodes > 0 && (v.impact === "serious" || v.impact === "critical"));
  });
}

async function expectSelected(page: Page, cell: string) {
  const selected = page.locator('td[aria-selected="true"]');
  await selected.waitFor({ timeout: 10_000 });
  expect(await selected.getAttribute("data-cell")).toBe(cell);
}

describe("comparing two submissions on the page", () => {
  it("compares 02 with 06 picked among the loaded files, and opens the SUB-RETRO row's cell", async () => {
    const page = await open(1366, 900);
    await loadBoth(page);
    await page.locator('[data-testid="compare-loaded"]').selectOption({ label: EARLIER });
    const conclusion = page.locator('[data-testid="compare-conclusion"]');
    await conclusion.waitFor({ timeout: 30_000 });
    expect(await conclusion.textContent()).toContain("发现 1 处追溯修改");
    const retroRow = page.locator('button[data-change="changed"][data-retro="true"]');
    expect(await retroRow.count()).toBe(1);
    expect(await retroRow.textContent()).toContain("金额：4,800 → 4,600");
    await retroRow.click();
    await expectSelected(page, "支出台账!F21");
    // The SUB-RETRO finding itself goes there too (after the preview moved elsewhere).
    await page.locator('[data-testid="compare"] button[data-rule="SUB-RETRO"]').click();
    await expectSelected(page, "支出台账!F21");
    await page.screenshot({ path: join(ARTIFACTS, "compare-1366.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it("compares with a picked file and fits a 350 px pane", async () => {
    const page = await open(350, 800);
    await loadBoth(page);
    await page.setInputFiles('[data-testid="compare-file-input"]', join(SAMPLES, EARLIER));
    await page.locator('[data-testid="compare-conclusion"]').waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('[data-testid="compare"] *')].filter(
        (el) => el.getBoundingClientRect().right > width + 1
      ).length;
    });
    expect(overflow).toBe(0);
    await page.locator('[data-testid="compare"]').screenshot({
      path: join(ARTIFACTS, "compare-350.png"),
    });
    await page.locator('button[data-change="changed"][data-retro="true"]').click();
    await expectSelected(page, "支出台账!F21");
    await page.close();
  }, 90_000);

  it("says so, naming the file, when the picked file is another project's", async () => {
    const page = await open(1366, 900);
    await loadBoth(page);
    await page.setInputFiles(
      '[data-testid="compare-file-input"]',
      join(SAMPLES, "03-tokezhake-budget-ledger.xlsx")
    );
    const error = page.locator('[data-testid="compare-error"]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("03-tokezhake-budget-ledger.xlsx 的项目编号为");
    await page.close();
  }, 90_000);
});
