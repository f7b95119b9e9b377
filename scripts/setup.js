#!/usr/bin/env node
// Brings a fresh Linux machine to what the demo and the tests need, and does nothing when it
// is already there: Debian packages (LibreOffice for formula checks and printing, poppler-utils
// to read the printed PDFs, Chromium for browser tests, libxml2-utils's xmllint for the manifest
// schemas, GNU time for the benchmarks' memory figures, CJK fonts and Carlito, which has
// Calibri's metrics), then the npm packages of
// package-lock.json. Plain Node, no dependencies.
"use strict";
const { execSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.join(__dirname, "..");
const want = process.argv.includes("--no-apt")
  ? []
  : ["soffice", "chromium", "pdftotext", "xmllint", "/usr/bin/time"];
const PACKAGES = {
  soffice: "libreoffice-calc-nogui",
  chromium: "chromium",
  pdftotext: "poppler-utils",
  // Validates the add-in manifests against Microsoft's XSD schemas (test/deploy.test.ts).
  xmllint: "libxml2-utils",
  // GNU time: the benchmarks' peak memory of each process (npm run bench).
  "/usr/bin/time": "time",
};
const EXTRA = ["fonts-noto-cjk", "fonts-crosextra-carlito"];

function have(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function run(cmd, opts = {}) {
  console.log(`> ${cmd}`);
  execSync(cmd, { stdio: "inherit", cwd: root, ...opts });
}

function aptInstall() {
  const missing = want.filter((c) => !have(c));
  if (!missing.length) return;
  if (!have("apt-get")) {
    console.error(
      `缺少 ${missing.join(", ")}，且本机没有 apt-get：请手动安装 ${missing.map((m) => PACKAGES[m]).join(" ")}。`
    );
    console.error(
      `Missing ${missing.join(", ")} and no apt-get here: install ${missing.map((m) => PACKAGES[m]).join(" ")} by hand.`
    );
    process.exit(1);
  }
  const sudo = process.getuid && process.getuid() === 0 ? "" : have("sudo") ? "sudo " : null;
  if (sudo === null) {
    console.error("Installing Debian packages needs root or sudo.");
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run(`${sudo}apt-get update -qq`, { env });
  run(
    `${sudo}apt-get install -y -qq --no-install-recommends ${[...missing.map((m) => PACKAGES[m]), ...EXTRA].join(" ")}`,
    { env }
  );
}

function npmInstall() {
  const lock = fs.readFileSync(path.join(root, "package-lock.json"));
  const hash = crypto.createHash("sha256").update(lock).update(process.version).digest("hex");
  const stamp = path.join(root, "node_modules", ".fucai-setup");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
  run("npm ci --no-audit --no-fund");
  fs.writeFileSync(stamp, hash);
}

/**
 * Puts `fucai` on the PATH: a link to bin/fucai.js in npm's global bin folder when it can be
 * written (as `npm link` does, without its reinstall), else in ~/.local/bin. `npx fucai`
 * costs about 2 s of npm start-up per call; the link starts in a fifth of a second.
 */
function linkCommand() {
  const target = path.join(root, "bin", "fucai.js");
  const found = spawnSync("sh", ["-c", "command -v fucai"], { encoding: "utf8" }).stdout.trim();
  if (found && fs.existsSync(found) && fs.realpathSync(found) === fs.realpathSync(target)) return;
  const folders = [];
  const npmPrefix = spawnSync("npm", ["prefix", "-g"], { encoding: "utf8" }).stdout.trim();
  if (npmPrefix) folders.push(path.join(npmPrefix, "bin"));
  if (process.env.HOME) folders.push(path.join(process.env.HOME, ".local", "bin"));
  for (const dir of folders) {
    const link = path.join(dir, "fucai");
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      const stat = fs.lstatSync(link, { throwIfNoEntry: false });
      if (stat && !stat.isSymbolicLink()) continue; // someone else's fucai: leave it
      if (stat) fs.unlinkSync(link);
      fs.symlinkSync(target, link);
      fs.chmodSync(target, 0o755);
      const onPath = (process.env.PATH || "").split(path.delimiter).includes(dir);
      console.log(`fucai 命令已链接到 ${link}${onPath ? "" : `（请把 ${dir} 加入 PATH）`}`);
      console.log(`fucai is linked at ${link}${onPath ? "" : ` (add ${dir} to your PATH)`}`);
      return;
    } catch {
      // not writable here: try the next folder
    }
  }
  console.log(
    "未能链接 fucai 命令，可使用 node bin/fucai.js。 Could not link fucai: use node bin/fucai.js."
  );
}

aptInstall();
npmInstall();
if (!process.argv.includes("--no-link")) linkCommand();
