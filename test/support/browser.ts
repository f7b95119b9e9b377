/**
 * Real-browser tests: Debian's Chromium driven by playwright-core (no browser download), the
 * standalone page served from dist/web by scripts/serve.js on localhost.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { execFileSync } from "child_process";
import { join, normalize } from "path";
import type { Server } from "http";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const serve = require("../../scripts/serve.js") as {
  createServer(): Server;
  listen(server: Server, port: number): Promise<number>;
};

export function chromiumPath(): string {
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
    if (existsSync(p)) return p;
  throw new Error("Chromium is not installed: apt-get install chromium");
}

/** Build the page once (webpack, production) unless dist/web is there (and has the commands). */
export function buildWeb(): void {
  const web = join(ROOT, "dist", "web");
  const built = ["index.html", "taskpane.html", "commands.html", "commands-failed.html"];
  if (built.every((f) => existsSync(join(web, f))) && process.env.FUCAI_REBUILD_WEB !== "1") return;
  execFileSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 300_000,
  });
}

export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = serve.createServer();
  const port = await serve.listen(server, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Where browser tests put their screenshots and downloads. */
export const ARTIFACTS = join(ROOT, "test-results");

export interface ServedPage {
  /** Chromium, launched before the file's tests. */
  readonly browser: Browser;
  /** The page's server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** A new tab on the standalone page, once the page has started. */
  open(viewport: { width: number; height: number }, acceptDownloads?: boolean): Promise<Page>;
}

/**
 * For one test file: the page built and served, Chromium launched and test-results/ made
 * before its tests (after `before`, e.g. building the CLI), both closed after them.
 */
export function servedPage(before?: () => void): ServedPage {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    buildWeb();
    before?.();
    server = await startServer();
    browser = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
    async open(viewport, acceptDownloads = false) {
      const page = await browser!.newPage({ viewport, acceptDownloads });
      await page.goto(`${server!.url}/`);
      await page.waitForSelector('[data-mode="standalone"]', { timeout: 10_000 });
      return page;
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The standalone page as one self-contained file (webpack's "standalone" build). */
export const SINGLE_FILE = join(ROOT, "dist", "standalone", "fucai.html");

/** Build the single file once (webpack, production, that build only) unless it is there. */
export function buildSingleFile(): void {
  if (existsSync(SINGLE_FILE) && process.env.FUCAI_REBUILD_WEB !== "1") return;
  execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "standalone"], {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 300_000,
  });
}

/** Where taskpane.html and commands.html load Office.js from: Microsoft's CDN, and nothing else. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/**
 * What Microsoft's CDN does for this page (the tests have no network, and no query parameter can
 * point the page elsewhere): "local" serves the @microsoft/office-js package's copy of the CDN
 * folder, "refused" and "unresolved" fail at once as an offline machine does, "hang" accepts and
 * never answers. Returns the CDN URLs the page asked for.
 */
export async function routeOfficeCdn(
  target: Page | BrowserContext,
  mode: "local" | "refused" | "unresolved" | "hang"
): Promise<string[]> {
  const asked: string[] = [];
  await target.route(`${OFFICE_CDN}**`, async (route) => {
    const url = route.request().url();
    asked.push(url);
    if (mode === "refused") return route.abort("connectionrefused");
    if (mode === "unresolved") return route.abort("namenotresolved");
    if (mode === "hang") return; // neither fulfilled nor aborted: the request stays open
    const rel = normalize(decodeURIComponent(new URL(url).pathname.slice("/lib/1/hosted/".length)));
    const file = join(OFFICE_DIST, rel);
    if (!file.startsWith(OFFICE_DIST + "/") || !existsSync(file))
      return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: readFileSync(file),
    });
  });
  return asked;
}
