#!/usr/bin/env node
// The main job on the bundled samples: check every sample workbook (report in Chinese on the
// terminal, JSON in out/report.json), write the annotated copies into out/annotated/ and the
// bureau's summary workbook to out/summary.xlsx, compare the two submissions of project 02
// (fucai diff), then serve the standalone page with the samples preloaded and print its
// address (--no-serve stops after the files).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const fucai = path.join(root, "bin", "fucai.js");
const samples = path.join("workbooks", "samples");
fs.mkdirSync(path.join(root, "out"), { recursive: true });

function run(args, capture) {
  const r = spawnSync(process.execPath, [fucai, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
  // 1 only means the samples hold error findings, which they are built to.
  if (r.status !== 0 && r.status !== 1) {
    console.error(`fucai ${args.join(" ")} failed (exit ${r.status})`);
    process.exit(r.status || 2);
  }
  return r;
}

run(["check", samples, "--annotate", path.join("out", "annotated")]);
const json = run(["check", samples, "--format", "json"], true);
fs.writeFileSync(path.join(root, "out", "report.json"), json.stdout);
run(["summary", samples, "-o", path.join("out", "summary.xlsx")]);
// Two submissions of one project: 06 (August) and 02 (October), which corrects a June row.
console.log("\n两次报送的比较 Two submissions compared (fucai diff):\n");
run([
  "diff",
  path.join(samples, "06-zhanmin-interim-earlier.xlsx"),
  path.join(samples, "02-zhanmin-interim-behind.xlsx"),
]);
console.log(
  [
    "",
    "写出 Wrote:",
    "  out/annotated/*.annotated.xlsx   标注副本 annotated copies",
    "  out/report.json                  检查结果 findings (JSON)",
    "  out/summary.xlsx                 汇总工作簿 the bureau's summary workbook",
  ].join("\n")
);

if (!process.argv.includes("--no-serve")) {
  const { createServer, listen } = require("./serve.js");
  const server = createServer();
  const port = Number(process.env.PORT) || 8080;
  listen(server, port)
    .catch(() => listen(server, 0))
    .then((p) => {
      console.log(
        `\n独立页面（已载入示例）Standalone page with the samples: http://localhost:${p}/?samples`
      );
      console.log("按 Ctrl+C 停止 · Ctrl+C to stop");
    });
}
