/**
 * 审核意见 on the standalone page in Chromium: a review written in the form applies at once
 * (the finding shown as 已认可, counted apart), and the downloaded copy carries the row, which
 * a fresh check (the engine and the built CLI) applies. Sample 02 arrives with an acceptance of
 * its own. Screenshots of the form and of an accepted finding at 1366 px and 350 px go to
 * test-results/ (review-*.png).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { checkWorkbook } from "../../src/engine/check";
import { bundledRuleSet } from "../../src/engine/rulesets/ruleset";
import { readWorkbookModel } from "../../src/hosts/xlsx/read-model";
import { ARTIFACTS, ROOT, servedPage } from "../support/browser";
import { buildCli, fucai, parseJson, isReport } from "../support/cli";

const SAMPLES = join(ROOT, "workbooks", "samples");
const served = servedPage(() => buildCli());

async function open(width: number, height: number, file: string): Promise<Page> {
  const page = await served.open({ width, height }, true);
  await page.setInputFiles('[data-testid="file-input"]', join(SAMPLES, file));
  await page.locator('[data-testid="review-action"]').first().waitFor({ timeout: 30_000 });
  return page;
}

/** The list item of the finding of `rule` at `cell`. */
function item(page: Page, rule: string, cell: string): Locator {
  return page.locator("main li", {
    has: page.locator(`button[data-rule="${rule}"][data-cell="${cell}"]`),
  });
}

async function fillForm(page: Page) {
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("review-explanation").fill("人员调整已于 2024 年 5 月报县民政局备案。");
  await dialog.getByTestId("review-decision").selectOption("认可");
  await dialog
    .getByTestId("review-reason")
    .fill("经县民政局批准调整人员预算（疏民发〔2024〕12 号）");
  await dialog.getByTestId("review-reviewer").fill("王建华");
  await dialog.getByTestId("review-date").fill("2024-12-20");
  // Past the dialog's fade-in, so the picture shows it as the user sees it.
  await page.waitForTimeout(400);
  return dialog;
}

/** axe-core's serious and critical findings (Fluent's focus helpers set aside, as standalone.test.ts does). */
async function axeViolations(page: Page): Promise<{ id: string; nodes: number }[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
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
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))
        ).length,
      }))
      .filter((v) => v.nodes > 0);
  });
}

describe("reviews on the standalone page", () => {
  it("writes a review that applies at once and travels in the downloaded copy", async () => {
    const page = await open(1366, 900, "03-tokezhake-budget-ledger.xlsx");
    const target = item(page, "BUD-PERSONNEL", "预算!B2");
    await target.getByTestId("review-action").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // A decision alone is refused, in words.
    await dialog.getByTestId("review-decision").selectOption("认可");
    await dialog.getByTestId("review-date").fill("");
    await dialog.getByTestId("review-save").click();
    const problems = await dialog.getByTestId("review-problems").textContent();
    expect(problems).toContain("请填写处理理由。");
    expect(problems).toContain("请填写处理人。");
    expect(problems).toContain("请填写处理日期。");
    await fillForm(page);
    await page.screenshot({ path: join(ARTIFACTS, "review-form-1366.png") });
    await dialog.getByTestId("review-save").click();
    await target.locator('button[data-accepted="true"]').waitFor({ timeout: 30_000 });
    expect(await target.textContent()).toContain("已认可（王建华，2024-12-20）");
    expect(await page.getByText(/^已认可 1$/).count()).toBe(1);
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "review-accepted-1366.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /下载标注副本/ }).click(),
    ]);
    const copy = join(ARTIFACTS, "review-copy.xlsx");
    await download.saveAs(copy);
    const report = checkWorkbook(readWorkbookModel(new Uint8Array(readFileSync(copy)), copy), {
      ruleset: bundledRuleSet(),
    });
    const accepted = report.findings.filter((f) => f.review?.accepted);
    expect(accepted.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      "BUD-PERSONNEL 预算!B2",
    ]);
    expect(accepted[0].review).toMatchObject({ by: "王建华", date: "2024-12-20" });
    // The CLI reads the copy the same way.
    const doc = parseJson(fucai(["check", copy, "--format", "json"]).stdout);
    const file = doc.files[0];
    expect(isReport(file)).toBe(true);
    if (isReport(file))
      expect(
        file.findings.filter((f) => (f as { review?: { accepted: boolean } }).review?.accepted)
          .length
      ).toBe(1);
    await page.close();
  }, 120_000);

  it("shows sample 02's accepted finding and the form in a 350 px pane", async () => {
    const page = await open(350, 800, "02-zhanmin-interim-behind.xlsx");
    const contest = item(page, "KPI-CONTEST", "大赛!A1:E1");
    await contest.locator('button[data-accepted="true"]').waitFor({ timeout: 30_000 });
    expect(await contest.textContent()).toContain("警告（已认可）");
    expect(await contest.textContent()).toContain("阿依古丽·买买提");
    await contest.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "review-accepted-350.png") });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll("main li [data-review] *")].filter(
        (el) => el.getBoundingClientRect().right > width + 1
      ).length;
    });
    expect(overflow).toBe(0);

    await item(page, "KPI-CASES", "典型案例!A1:C1").getByTestId("review-action").click();
    const dialog = await fillForm(page);
    await page.screenshot({ path: join(ARTIFACTS, "review-form-350.png") });
    expect(await axeViolations(page)).toEqual([]);
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(351);
    await page.close();
  }, 120_000);
});
