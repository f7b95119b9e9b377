/**
 * `npm run build:wps` once for the tests that need dist/wps (test/wps-build.test.ts,
 * test/browser/wps.test.ts), which jest may run at the same time: the first takes a lock
 * directory and builds, the other waits for it.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, rmSync } from "fs";
import { join } from "path";
import { ROOT } from "./browser";

export const WPS_DIST = join(ROOT, "dist", "wps");
const DONE = [
  join(WPS_DIST, "publish", "fucai-compliance", "taskpane.html"),
  join(WPS_DIST, "offline", "jsplugins.xml"),
];
const LOCK = join(ROOT, "dist", ".wps-build.lock");

const built = () => DONE.every((f) => existsSync(f));

export async function buildWps(): Promise<void> {
  if (built() && process.env.FUCAI_REBUILD_WEB !== "1") return;
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch {
    // Another test file is building: wait for it (at most ten minutes).
    for (let waited = 0; existsSync(LOCK) && waited < 600_000; waited += 1000)
      await new Promise((r) => setTimeout(r, 1000));
    if (built()) return;
    throw new Error("npm run build:wps did not finish");
  }
  try {
    execFileSync("npm", ["run", "build:wps"], { cwd: ROOT, stdio: "pipe", timeout: 600_000 });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
