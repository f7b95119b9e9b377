/**
 * npm run bench:summary: the time `fucai summary` takes over 100 workbooks with one worker
 * and with every core. The 100 files are copies of the samples (duplicate project codes are
 * handled as repeated submissions, as a real month's folder would hold). Printed, not asserted.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import { spawnSync } from "child_process";

const ROOT = join(__dirname, "..");
const SAMPLES = join(ROOT, "workbooks", "samples");
const DIR = join(ROOT, "out", "bench", "summary-100");
const COUNT = Number(process.env.BENCH_FILES) || 100;

function time(jobs: number, out = `summary-j${jobs}.xlsx`): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "bin", "fucai.js"),
      "summary",
      DIR,
      "-o",
      join(ROOT, "out", "bench", out),
      "-j",
      String(jobs),
    ],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (r.status === 2) throw new Error(r.stderr || r.stdout);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));
for (let i = 0; i < COUNT; i += 1)
  copyFileSync(
    join(SAMPLES, samples[i % samples.length]),
    join(DIR, `${String(i + 1).padStart(3, "0")}-${samples[i % samples.length]}`)
  );
const cores = availableParallelism();
const one = time(1);
const all = time(cores);
const oneCsv = time(1, "summary-j1.csv");
const allCsv = time(cores, `summary-j${cores}.csv`);
console.log(`fucai summary over ${COUNT} workbooks (node ${process.version}, ${cores} cores):`);
console.log(`  1 worker:      ${(one / 1000).toFixed(1)} s`);
console.log(
  `  ${cores} workers:     ${(all / 1000).toFixed(1)} s  (speed-up ${(one / all).toFixed(2)}x)`
);
console.log(
  `  overview as CSV (no workbook to write): 1 worker ${(oneCsv / 1000).toFixed(1)} s, ${cores} workers ${(allCsv / 1000).toFixed(1)} s (${(oneCsv / allCsv).toFixed(2)}x)`
);
