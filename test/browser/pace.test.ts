/**
 * Pace, evidence and the pace chart on the standalone page in Chromium (issue #14): sample 02
 * (mid-term, behind) shows each cap's and target's pace in the progress section, a finding's
 * rows open from its counts and a row click lands the preview on that row, the chart opens with
 * its series and dashed projection. Screenshots at 1366 px and 350 px go to test-results/
 * (pace-*.png).
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, ROOT, servedPage } from "../support/browser";

const SAMPLE = join(ROOT, "workbooks", "samples", "02-zhanmin-interim-behind.xlsx");
const served = servedPage();

async function openSample(width: number, height: number): Promise<Page> {
  const page = await served.open({ width, height });
  await page.setInputFiles('[data-testid="file-input"]', [SAMPLE]);
  await page
    .locator('[data-testid="progress"] li[data-rule="BUD-PERSONNEL"] [data-pace]')
    .waitFor({ timeout: 30_000 });
  return page;
}

const progressItem = (page: Page, rule: string) =>
  page.locator(`[data-testid="progress"] li[data-rule="${rule}"]`).first();

/** axe-core's serious and critical violations in the findings and progress (tabster aside). */
async function axeViolations(page: Page, selector: string) {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async (context) => {
    type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
    return (await axe.run(context)).violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))
        ).length,
      }))
      .filter((v) => v.nodes > 0 && (v.impact === "serious" || v.impact === "critical"));
  }, selector);
}

describe("pace and evidence on the page", () => {
  it("shows the pace, opens a finding's rows, goes to a row and draws the chart (1366 px)", async () => {
    const page = await openSample(1366, 900);
    const personnel = progressItem(page, "BUD-PERSONNEL");
    const cap = (await personnel.locator('[data-pace="cap"]').textContent())!;
    expect(cap).toContain("已支出48,900 元");
    expect(cap).toContain("尚余51,100 元");
    expect(cap).toContain("期末预计97,800 元");
    const target = (await progressItem(page, "KPI-BENEFICIARIES")
      .locator('[data-pace="target"]')
      .textContent())!;
    expect(target).toContain("此后每月需14 人");
    expect(target).toContain("期末预计240 人");
    // The projected overrun among the problems names its month.
    expect(await page.locator('[data-testid="pace-cross"]').first().textContent()).toContain(
      "预计2025年3月突破"
    );

    // Evidence: collapsed to its counts, then the rows; a row lands the preview on it.
    const toggle = personnel.locator('[data-testid="evidence-toggle"]');
    expect(await toggle.textContent()).toBe("明细：计入 18 行");
    expect(await personnel.locator("[data-row]").count()).toBe(0);
    await toggle.click();
    expect(await personnel.locator('[data-testid="by-payee"]').textContent()).toContain("刘洋");
    await personnel.getByRole("button", { name: "转到 支出台账 第 5 行" }).click();
    const selected = page.locator('td[aria-selected="true"]');
    await selected.waitFor({ timeout: 10_000 });
    expect(await selected.getAttribute("data-cell")).toBe("支出台账!A5");
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain(
      "支出台账"
    );

    // The chart: the months so far, the projection dashed, the cap line, a title.
    await personnel.getByRole("button", { name: "走势图：人力成本上限" }).click();
    const chart = personnel.locator('[data-testid="pace-chart"]');
    await chart.waitFor();
    const points = await chart.locator('[data-series="actual"]').getAttribute("points");
    expect(points!.trim().split(" ")).toHaveLength(7);
    expect(
      await chart.locator('[data-series="projection"]').getAttribute("stroke-dasharray")
    ).toBeTruthy();
    expect(await chart.locator("svg[role=img] > title").textContent()).toBe(
      "人力成本上限：按月累计"
    );
    const box = await chart.locator("svg[role=img]").boundingBox();
    expect(box!.height).toBeGreaterThan(80);

    // The projected overrun's chart and rows too, among the problems.
    const warning = page.locator('li:has(> button[data-rule="BUD-OVERRUN"])').first();
    await warning.locator('[data-testid="chart-toggle"]').click();
    await warning.locator('[data-series="cross"]').waitFor();
    await warning.locator('[data-testid="evidence-toggle"]').click();

    expect(await axeViolations(page, "main")).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "pace-1366.png"), fullPage: true });
    await page.locator('[data-testid="progress"]').screenshot({
      path: join(ARTIFACTS, "pace-1366-progress.png"),
    });
    await page.close();
  }, 90_000);

  it("fits a 350 px pane", async () => {
    const page = await openSample(350, 800);
    const personnel = progressItem(page, "BUD-PERSONNEL");
    await personnel.locator('[data-testid="evidence-toggle"]').click();
    await personnel.locator('[data-testid="chart-toggle"]').click();
    await personnel.locator('[data-testid="pace-chart"]').waitFor();
    // Nothing wider than the pane.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('[data-testid="progress"]').screenshot({
      path: join(ARTIFACTS, "pace-350-progress.png"),
    });
    await personnel.screenshot({ path: join(ARTIFACTS, "pace-350-personnel.png") });
    const warning = page.locator('li:has(> button[data-rule="BUD-OVERRUN"])').first();
    await warning.locator('[data-testid="chart-toggle"]').click();
    await warning.locator('[data-testid="evidence-toggle"]').click();
    await warning.screenshot({ path: join(ARTIFACTS, "pace-350-warning.png") });
    const services = page.locator('li:has(> button[data-rule="KPI-SERVICES"])').first();
    await services.locator('[data-testid="evidence-toggle"]').click();
    await services.screenshot({ path: join(ARTIFACTS, "pace-350-evidence.png") });
    // The note on records outside the period lists the row it speaks of.
    const note = page.locator('li:has(> button[data-rule="KPI-SERVICES"])').nth(1);
    const toggle = note.locator('[data-testid="evidence-toggle"]');
    await toggle.scrollIntoViewIfNeeded();
    expect(await toggle.textContent()).toContain("明细：未计入 1 行");
    await toggle.click();
    await note.getByText("日期晚于报告截止日期").waitFor();
    await note.screenshot({ path: join(ARTIFACTS, "pace-350-note-evidence.png") });
    // In English too (the language switches without checking again; open parts stay open).
    await page.getByRole("button", { name: "English" }).click();
    await personnel.locator('[data-pace="cap"]').getByText("At contract end").waitFor();
    await personnel.screenshot({ path: join(ARTIFACTS, "pace-350-personnel-en.png") });
    await page.close();
  }, 90_000);
});
