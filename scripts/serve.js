#!/usr/bin/env node
// A small static server for the standalone page (dist/web) on localhost: /samples/ serves the
// bundled sample workbooks (with an index.json the page preloads from ?samples). "/" is
// index.html, the browser page, which never loads Office.js (taskpane.html, the pane in Office,
// loads it from Microsoft's CDN; browser tests route that address to the npm package's copy).
// Plain Node: no dependencies, nothing but GET and HEAD.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".css": "text/css; charset=utf-8",
};

function createServer(options = {}) {
  const web = options.web || path.join(root, "dist", "web");
  const samples = options.samples || path.join(root, "workbooks", "samples");
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const url = new URL(req.url, "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    let file;
    if (pathname === "/samples/index.json") {
      const names = fs
        .readdirSync(samples)
        .filter((n) => n.endsWith(".xlsx"))
        .sort();
      res.writeHead(200, { "content-type": TYPES[".json"] }).end(JSON.stringify(names));
      return;
    }
    if (pathname.startsWith("/samples/")) file = path.join(samples, path.basename(pathname));
    else {
      if (pathname === "/") pathname = "/index.html";
      file = path.join(web, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
      if (!file.startsWith(web)) {
        res.writeHead(403).end();
        return;
      }
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "content-length": st.size,
        "cache-control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server.address().port));
  });
}

module.exports = { createServer, listen };

if (require.main === module) {
  const port = Number(process.env.PORT) || 8080;
  const server = createServer();
  listen(server, port)
    .catch(() => listen(server, 0))
    .then((p) => {
      console.log(`独立页面 Standalone page: http://localhost:${p}/?samples`);
      console.log("按 Ctrl+C 停止 · Ctrl+C to stop");
    });
}
