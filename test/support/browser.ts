/**
 * Real-browser tests: Debian's Chromium driven by playwright-core (no browser download), the
 * standalone page served from dist/web by scripts/serve.js on localhost.
 */
import { existsSync } from "fs";
import { execFileSync } from "child_process";
import { join } from "path";
import type { Server } from "http";
import { chromium, type Browser } from "playwright-core";

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

/** Build the page once (webpack, production) unless dist/web is there. */
export function buildWeb(): void {
  if (existsSync(join(ROOT, "dist", "web", "index.html")) && process.env.FUCAI_REBUILD_WEB !== "1")
    return;
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
