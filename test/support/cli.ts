/**
 * Running the built CLI (node bin/fucai.js) as a child process, and the sample workbooks it
 * is run on. The CLI's worker threads load dist/src/cli/worker.js, so tests build first.
 */
import { spawnSync, execFileSync } from "child_process";
import { createHash } from "crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "fucai.js");
export const SAMPLES_DIR = join(ROOT, "workbooks", "samples");

export const SAMPLE = {
  compliant: join(SAMPLES_DIR, "01-wupaer-final-compliant.xlsx"),
  behind: join(SAMPLES_DIR, "02-zhanmin-interim-behind.xlsx"),
  budget: join(SAMPLES_DIR, "03-tokezhake-budget-ledger.xlsx"),
  staff: join(SAMPLES_DIR, "04-wupaer-staff-kpi.xlsx"),
  drift: join(SAMPLES_DIR, "05-zhanmin-format-drift.xlsx"),
  earlier: join(SAMPLES_DIR, "06-zhanmin-interim-earlier.xlsx"),
} as const;

/** Newest modification time of the files the CLI is built from. */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (!path.endsWith("index.generated.ts")) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    "src/engine",
    "src/hosts/xlsx",
    "src/cli",
    "scripts/gen-rules-index.js",
    "tsconfig.json",
    "tsconfig.cli.json",
    "package.json",
  ])
    visit(join(ROOT, p));
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Build the CLI (npm run build:cli); call from beforeAll with a long timeout. Test files run
 * in parallel workers: a lock keeps two builds from writing dist/ at once, and a stamp lets
 * the second file skip the build when nothing changed since the first one built.
 */
export function buildCli(): void {
  const key = createHash("sha1").update(ROOT).digest("hex").slice(0, 12);
  const lock = join(tmpdir(), `fucai-cli-build-${key}.lock`);
  const stamp = join(tmpdir(), `fucai-cli-build-${key}.stamp`);
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // A lock left by a killed run is stale after a few minutes (it may also just have gone).
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waiting for another build to finish (${lock})`);
      sleep(250);
    }
  }
  try {
    const built = existsSync(stamp) ? Number(readFileSync(stamp, "utf8")) : 0;
    const fresh =
      built > newestSource() &&
      existsSync(join(ROOT, "dist", "src", "cli", "main.js")) &&
      existsSync(join(ROOT, "dist", "src", "cli", "worker.js"));
    if (fresh) return;
    const started = Date.now();
    execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "pipe", timeout: 120_000 });
    writeFileSync(stamp, String(started));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user sees them. */
  all: string;
}

export function fucai(
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {}
): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: `${r.stdout}\n${r.stderr}` };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Lines of a stack trace ("    at fn (file:line)"): users must never see them. */
export const STACK_LINE = /^\s+at\s+\S/m;

// The contract's JSON document.
export interface JsonFinding {
  rule: string;
  title?: { zh: string; en: string } | null;
  clause?: string | null;
  fix?: { zh: string; en: string };
  severity: "error" | "warning" | "info";
  sheet: string | null;
  cell: string | null;
  message: { zh: string; en: string };
  figures: Record<string, unknown>;
  status?: string;
  target?: string;
  evidence?: {
    sheet: string;
    row: number;
    counted: boolean;
    value?: number;
    reason?: { zh: string; en: string };
  }[];
  byPayee?: { payee: string | null; amount: number; rows: number[] }[];
}
export type JsonFile =
  | {
      file: string;
      project?: { code: string | null; name: string | null };
      stage: "interim" | "final";
      findings: JsonFinding[];
    }
  | { file: string; error: { zh: string; en: string } };
export interface JsonCross {
  rule: string;
  severity: "error" | "warning" | "info";
  message: { zh: string; en: string };
  refs: { file: string; sheet?: string; cell?: string }[];
  figures: Record<string, unknown>;
}
export interface JsonDoc {
  files: JsonFile[];
  cross: JsonCross[];
}

/** stdout must be exactly one JSON document (JSON.parse rejects anything before or after it). */
export function parseJson(stdout: string): JsonDoc {
  return JSON.parse(stdout) as JsonDoc;
}

export function isReport(
  f: JsonFile
): f is { file: string; stage: "interim" | "final"; findings: JsonFinding[] } {
  return "findings" in f;
}
