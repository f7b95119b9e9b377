#!/usr/bin/env node
// The main job on the bundled samples: check every sample workbook (report in Chinese on the
// terminal, JSON in out/report.json) and write the annotated copies into out/annotated/.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const out = path.join(root, "out");
const fucai = path.join(root, "bin", "fucai.js");
const samples = path.join(root, "workbooks", "samples");
fs.mkdirSync(out, { recursive: true });

function run(args, capture) {
  const r = spawnSync(process.execPath, [fucai, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
  if (r.status === 2) {
    console.error(`fucai ${args.join(" ")} failed (exit 2)`);
    process.exit(2);
  }
  return r;
}

run(["check", samples, "--annotate", path.join(out, "annotated")]);
const json = run(["check", samples, "--format", "json"], true);
fs.writeFileSync(path.join(out, "report.json"), json.stdout);
console.log(
  `\n写出 Wrote:\n  ${path.join(out, "annotated")}/*.annotated.xlsx\n  ${path.join(out, "report.json")}`
);
