#!/usr/bin/env node
// Brings a fresh Linux machine to what the demo and the tests need, and does nothing when it
// is already there: Debian packages (LibreOffice for formula checks, Chromium for browser tests,
// CJK fonts), then the npm packages of package-lock.json. Plain Node, no dependencies.
"use strict";
const { execSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.join(__dirname, "..");
const want = process.argv.includes("--no-apt") ? [] : ["soffice", "chromium"];
const PACKAGES = { soffice: "libreoffice-calc-nogui", chromium: "chromium" };
const EXTRA = ["fonts-noto-cjk"];

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

aptInstall();
npmInstall();
