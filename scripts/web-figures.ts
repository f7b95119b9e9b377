/**
 * npm run figures:web: the standalone page's figures, printed (never asserted): the pane's
 * JavaScript size gzipped (what the first paint loads, and the lazily loaded parts), the time
 * until the page is interactive in headless Chromium, and the time to check the 50,000-row
 * benchmark workbook in the browser.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { gzipSync } from "zlib";
import { join } from "path";
import { spawnSync } from "child_process";
import { buildWeb, launch, startServer, ROOT } from "../test/support/browser";

const WEB = join(ROOT, "dist", "web");
const BENCH = join(ROOT, "out", "bench", "bench-50k.xlsx");
const RUNS = Number(process.env.BENCH_RUNS) || 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const gz = (file: string) => gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length;

async function main() {
  buildWeb();
  if (!existsSync(BENCH))
    spawnSync("npx", ["tsx", "scripts/bench.ts"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, BENCH_RUNS: "1" },
    });
  const html = readFileSync(join(WEB, "index.html"), "utf8");
  // The start-up script loads the bundles named in data-main.
  const initial = (/data-main="?([^">]*)/.exec(html)?.[1] ?? "")
    .split(" ")
    .filter((f) => f && existsSync(join(WEB, f)));
  // commands.*.js is the ribbon's function file, not the page's.
  const all = readdirSync(WEB).filter((f) => f.endsWith(".js") && !f.startsWith("commands."));
  const initialGz = initial.reduce((n, f) => n + gz(f), 0);
  const lazy = all.filter((f) => !initial.includes(f));

  const server = await startServer();
  const browser = await launch();
  const interactive: number[] = [];
  const paint: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="dropzone"]');
    interactive.push(await page.evaluate(() => performance.now()));
    paint.push(
      await page.evaluate(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN
      )
    );
    await page.close();
  }
  const check: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i += 1) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="dropzone"]');
    const t0 = Date.now();
    await page.setInputFiles('[data-testid="file-input"]', BENCH);
    await page.waitForSelector("main button[data-rule]", { timeout: 120_000 });
    check.push(Date.now() - t0);
    await page.close();
  }
  await browser.close();
  await server.close();

  console.log(`standalone page figures (headless Chromium, medians over ${RUNS} runs):`);
  console.log(
    `  JavaScript for the first paint        ${kb(initialGz)} gzipped (${initial.join(", ")})`
  );
  for (const f of lazy) console.log(`    loaded on use: ${f.padEnd(34)} ${kb(gz(f))} gzipped`);
  console.log(`  first contentful paint                ${median(paint).toFixed(0)} ms`);
  console.log(`  interactive (drop zone ready)         ${median(interactive).toFixed(0)} ms`);
  console.log(
    `  check of the 50,000-row workbook      ${median(check).toFixed(0)} ms (upload to findings shown, in a Web Worker)`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
