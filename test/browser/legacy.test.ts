/**
 * The start-up script's decision in a real browser (issue 11, item 3). Chromium cannot be
 * Internet Explorer 11 or Edge Legacy, but it can carry their user agents (Microsoft's own check
 * reads navigator.userAgent) and fail the syntax probe: the pane then shows, in Chinese and
 * English, what works instead, and never fetches its bundle. test/legacy.test.ts proves the
 * script itself is ES5 and uses nothing IE11 lacks.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, routeOfficeCdn, servedPage } from "../support/browser";

// User agents as Office's webviews send them.
const TRIDENT =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGEHTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0";

const served = servedPage();

interface Opened {
  page: Page;
  bundles: string[];
}

async function open(
  path: string,
  userAgent: string | undefined,
  init?: () => void
): Promise<Opened> {
  const context = await served.browser.newContext({
    userAgent,
    viewport: { width: 350, height: 800 },
  });
  const page = await context.newPage();
  await routeOfficeCdn(page, "local");
  if (init) await page.addInitScript(init);
  const bundles: string[] = [];
  page.on("request", (r) => {
    if (/\/taskpane\.[0-9a-f]+\.js$/.test(r.url())) bundles.push(r.url());
  });
  await page.goto(`${served.url}${path}`);
  return { page, bundles };
}

async function legacyText(page: Page): Promise<string> {
  const alert = page.locator('[data-legacy="true"]');
  await alert.waitFor({ timeout: 5_000 });
  return (await alert.textContent()) ?? "";
}

describe("an engine too old for the pane", () => {
  it.each([
    ["Internet Explorer 11 (Trident)", TRIDENT],
    ["Edge Legacy (EdgeHTML)", EDGEHTML],
  ])(
    "in Office with %s: says what works instead, in Chinese and English",
    async (label, ua) => {
      const { page, bundles } = await open("/taskpane.html", ua);
      const text = await legacyText(page);
      expect(text).toContain("此版本的 Office 无法运行合规助手窗格");
      expect(text).toContain("This version of Office cannot run the compliance pane");
      // What works instead, and how.
      for (const words of [
        "Chrome",
        "fucai.html",
        "WPS",
        "Office 2021",
        "Microsoft 365",
        "WebView2",
      ])
        expect(text).toContain(words);
      expect(text).toContain("清除标记");
      // The standalone page's address, beside this page, without query.
      expect(text).toContain(`${served.url}/index.html`);
      // The pane's bundle was never asked for.
      await page.waitForTimeout(300);
      expect(bundles).toEqual([]);
      await page.screenshot({
        path: join(ARTIFACTS, `legacy-${label.split(" ")[0].toLowerCase()}.png`),
        fullPage: true,
      });
      await page.context().close();
    },
    30_000
  );

  it("the browser page in Internet Explorer 11: use Chrome or the new Edge", async () => {
    const { page, bundles } = await open("/index.html?lang=en", TRIDENT);
    const text = await legacyText(page);
    expect(text).toContain("此浏览器版本过旧");
    expect(text).toContain("This browser is too old");
    expect(text).not.toContain("清除标记");
    expect(bundles).toEqual([]);
    await page.context().close();
  }, 30_000);

  it("any engine that cannot compile the pane's syntax gets the message too", async () => {
    const { page, bundles } = await open("/index.html", undefined, () => {
      // An engine without ES2022 class fields: new Function(probe) is a SyntaxError.
      const Native = window.Function;
      window.Function = function (...args: string[]) {
        if (args.some((a) => a.includes("#a"))) throw new SyntaxError("Invalid character '#'");
        return Native(...args);
      } as FunctionConstructor;
    });
    expect(await legacyText(page)).toContain("This browser is too old");
    expect(bundles).toEqual([]);
    await page.context().close();
  }, 30_000);
});

describe("an engine that runs the pane", () => {
  it.each([
    ["WebView2 (Chromium Edge, 'Edg/')", WEBVIEW2],
    ["Chromium", undefined],
  ])(
    "%s starts the pane",
    async (_label, ua) => {
      const { page, bundles } = await open("/taskpane.html", ua);
      await page.waitForSelector('[data-mode="standalone"]', { timeout: 5_000 });
      expect(bundles).toHaveLength(1);
      expect(await page.locator('[data-legacy="true"]').count()).toBe(0);
      await page.context().close();
    },
    30_000
  );

  it("a Content-Security-Policy that forbids eval does not pass for an old engine", async () => {
    const { page, bundles } = await open("/index.html", undefined, () => {
      const Native = window.Function;
      window.Function = function (...args: string[]) {
        if (args.some((a) => a.includes("#a")))
          throw new EvalError("Refused to evaluate a string as JavaScript");
        return Native(...args);
      } as FunctionConstructor;
    });
    await page.waitForSelector('[data-mode="standalone"]', { timeout: 5_000 });
    expect(bundles).toHaveLength(1);
    await page.context().close();
  }, 30_000);
});
