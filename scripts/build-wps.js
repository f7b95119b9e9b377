#!/usr/bin/env node
// `npm run build:wps` (after `webpack --env wps` has written dist/wps/addin): the WPS 加载项 in
// the two layouts Kingsoft's wpsjs 2.2.3 makes, for the two deployments of docs/wps.md.
//
//   dist/wps/publish/fucai-compliance/   the add-in for a web server (`wpsjs build`, 在线插件:
//                                        wps-addon-build/, ribbon.xml at the folder's root)
//   dist/wps/publish/publish.html        the page users open to register it (`wpsjs publish`:
//                                        wps-addon-publish/publish.html, from wpsjs's own template)
//   dist/wps/offline/fucai-compliance.7z the packaged add-in (`wpsjs build`, 离线插件: a .7z
//                                        holding the folder <name>_<version>/)
//   dist/wps/offline/fucai-compliance_<version>/  the same folder unpacked
//   dist/wps/offline/jsplugins.xml       the list WPS reads in jsplugins.xml mode (Kingsoft,
//                                        "WPS 加载项可用性": <jsplugin name version type url/>)
//   dist/wps/offline/oem.ini.txt         the lines oem.ini needs for that mode
//
// Why not `wpsjs build` itself: it asks online or offline in an interactive menu (no option
// chooses), copies every file of the working folder, and its offline branch fails on Linux
// (7zip-bin 5.2.0 ships 7za without the execute bit: develar/7zip-bin#19, EACCES); `wpsjs
// publish` records every add-in it ever published in its own install folder (publishlist.json,
// which ships with a stray "test123" entry) and puts them all in publish.html. This script does
// the same steps without those, and test/wps-build.test.ts runs `wpsjs build` on the same files
// to check that the online layouts agree.
//
// WPS_BASE_URL (ending in "/") is where publish/fucai-compliance/ will be served; WPS_OFFLINE_URL
// is where WPS finds the .7z in jsplugins.xml mode (a file:/// path or an intranet address).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const PKG = require(path.join(ROOT, "package.json"));
const NAME = PKG.name;
const VERSION = PKG.version;
/** ET: WPS 表格 (wpsjs's addonType; "wps" is 文字, "wpp" 演示). */
const ADDON_TYPE = "et";
const DIST = path.join(ROOT, "dist", "wps");
const ADDIN = path.join(DIST, "addin");

function baseUrl() {
  const url = process.env.WPS_BASE_URL || `http://127.0.0.1:8080/${NAME}/`;
  if (!/^https?:\/\/[^\s"'<>]+\/$/.test(url))
    throw new Error(`WPS_BASE_URL must be an http(s) address ending in "/": ${url}`);
  return url;
}

function offlineUrl() {
  const url = process.env.WPS_OFFLINE_URL || `file:///C:/fucai-wps/${NAME}.7z`;
  if (!/^(https?|file):\/\/[^\s"'<>]+\.7z$/.test(url))
    throw new Error(`WPS_OFFLINE_URL must be a file:/// or http(s) address of the .7z: ${url}`);
  return url;
}

const xmlAttr = (v) =>
  String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** publish.html exactly as `wpsjs publish` fills its template, with our add-in alone. */
function publishHtml(url) {
  const template = fs.readFileSync(
    path.join(path.dirname(require.resolve("wpsjs/vite_plugins")), "lib", "res", "publish.html"),
    "utf8"
  );
  const list = [{ name: NAME, addonType: ADDON_TYPE, online: "true", multiUser: "false", url }];
  if (!template.includes("PUBLISH_REPLACE_STRING")) throw new Error("wpsjs: template changed");
  return template
    .replace(/PUBLISH_REPLACE_STRING/, () => JSON.stringify(list))
    .replace(/SERVERID_REPLEASE_STRING/, "undefined");
}

function jspluginsXml(url) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
    `  <jsplugin name="${xmlAttr(NAME)}" type="${ADDON_TYPE}" version="${xmlAttr(VERSION)}" url="${xmlAttr(url)}"/>\n` +
    `</jsplugins>\n`
  );
}

const OEM_INI = (jsplugins) =>
  [
    "; 加到 WPS 安装目录 office6\\cfgs\\oem.ini 的末尾（已有同名小节时，把这几行并入该小节）",
    "; Append to oem.ini in the WPS folder office6\\cfgs (merge into existing sections of the same name)",
    "[Support]",
    "JsApiPlugin=true",
    "[Server]",
    `JSPluginsServer=${jsplugins}`,
    "",
  ].join("\r\n");

/** 7za from 7zip-bin, copied where it may be executed (the package's copy may lack +x). */
function sevenZip() {
  const bin = require("7zip-bin").path7za;
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fucai-7z-")), path.basename(bin));
  fs.copyFileSync(bin, copy);
  fs.chmodSync(copy, 0o755);
  return copy;
}

function main() {
  const files = ["ribbon.xml", "index.html", "main.js", "taskpane.html", "images/icon-32.png"];
  const missing = files.filter((f) => !fs.existsSync(path.join(ADDIN, f)));
  if (missing.length)
    throw new Error(`dist/wps/addin lacks ${missing.join(", ")}: run webpack --env wps first`);
  const url = baseUrl();
  const archiveUrl = offlineUrl();

  for (const dir of ["publish", "offline"])
    fs.rmSync(path.join(DIST, dir), { recursive: true, force: true });
  const online = path.join(DIST, "publish", NAME);
  fs.cpSync(ADDIN, online, { recursive: true });
  fs.writeFileSync(path.join(DIST, "publish", "publish.html"), publishHtml(url));

  const offline = path.join(DIST, "offline");
  const folder = `${NAME}_${VERSION}`;
  fs.cpSync(ADDIN, path.join(offline, folder), { recursive: true });
  const archive = path.join(offline, `${NAME}.7z`);
  const zip = sevenZip();
  try {
    execFileSync(zip, ["a", archive, folder, "-y"], { cwd: offline, stdio: "pipe" });
  } finally {
    fs.rmSync(path.dirname(zip), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(offline, "jsplugins.xml"), jspluginsXml(archiveUrl));
  // Beside the .7z; a local file as a Windows path, the form community guides show working.
  const jsplugins = archiveUrl
    .replace(/[^/]+\.7z$/, "jsplugins.xml")
    .replace(/^file:\/\/\/([A-Za-z]:.*)$/, (_, p) => p.replace(/\//g, "\\"));
  fs.writeFileSync(path.join(offline, "oem.ini.txt"), OEM_INI(jsplugins));
  process.stdout.write(
    `WPS 加载项 · WPS add-in ${NAME} ${VERSION}\n` +
      `  dist/wps/publish/${NAME}/  -> ${url}\n` +
      `  dist/wps/publish/publish.html\n` +
      `  dist/wps/offline/${NAME}.7z -> ${archiveUrl}\n` +
      `  dist/wps/offline/jsplugins.xml, oem.ini.txt, ${folder}/\n`
  );
}

if (require.main === module) main();

module.exports = { NAME, VERSION, ADDON_TYPE, jspluginsXml, publishHtml };
