#!/usr/bin/env node
// The fucai command: runs the compiled CLI (npm install builds it through the prepare script).
"use strict";
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "fucai 尚未构建，请先运行 npm install（或 npm run build:cli）。\nfucai is not built yet: run npm install (or npm run build:cli) first.\n"
  );
  process.exit(2);
}
// A reader that stops early (fucai … | head) is not an error of ours: stop quietly.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
// A command that reads workbooks starts its first worker now, so that the worker's start-up
// overlaps the loading of the rest of the CLI on the other core.
const command = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (command === "check" || command === "summary" || command === "diff")
  require(path.join(path.dirname(entry), "pool.js")).prewarm();
// exitCode, not process.exit(): everything written to a pipe is flushed before Node exits.
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
