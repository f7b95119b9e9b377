/*
 * The start-up script of the pane (taskpane.html, inside Office) and of the browser page
 * (index.html). ES5 only, so that it runs in every webview Office has shown add-ins in,
 * Internet Explorer 11 included: test/legacy.test.ts parses it with an ES5-only parser and
 * checks that it uses nothing IE11 lacks. webpack.config.js puts it inline in both pages.
 *
 * It decides whether this engine can run the pane (React 19, Fluent UI v9, ES2022 syntax):
 *   - Microsoft's own check, navigator.userAgent with "Trident" (Internet Explorer 11) or
 *     "Edge" (EdgeHTML, Microsoft Edge Legacy; Chromium Edge says "Edg/"): "Determine at
 *     runtime if the add-in is running in Internet Explorer", in "Support older Microsoft
 *     webviews and Office versions",
 *     https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11 ;
 *     which Office uses which webview: "Browsers and webview controls used by Office Add-ins",
 *     https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 *     (perpetual Office 2016/2019 volume-licensed: Trident; retail without WebView2: EdgeHTML,
 *     or Trident without Edge);
 *   - any other engine (an old Safari in Office for Mac, an old browser for index.html): can it
 *     compile the newest syntax the pane's bundle uses? A SyntaxError says no.
 * A capable engine gets the pane's scripts, named by the build in data-main (never by the
 * address: no query parameter chooses a script). An old one gets, in Chinese and English, what
 * works instead and how, and the pane's scripts are never fetched.
 */
(function () {
  "use strict";

  // The newest syntax the pane's bundle needs (ES2022 class fields, ES2020 ?. and ??);
  // test/legacy.test.ts checks that the bundle parses as ES2022 and names this probe.
  var PROBE = "class P { #a = 1; static b = null; m() { return this.#a ?? P.b?.c; } }";

  function oldEngine() {
    var ua = navigator.userAgent || "";
    if (ua.indexOf("Trident") !== -1) return "trident";
    if (ua.indexOf("Edge") !== -1) return "edgehtml";
    try {
      // Compiled, never run. A Content-Security-Policy without 'unsafe-eval' throws an
      // EvalError here, which says nothing about the engine: only a SyntaxError counts.
      new Function(PROBE);
    } catch (e) {
      if (e && e.name === "SyntaxError") return "old";
    }
    return null;
  }

  var root = document.getElementById("root");
  var self = document.getElementById("fucai-boot");
  // Office.js is referenced in taskpane.html only; index.html, the browser page, never loads it.
  var inOffice = typeof window.Office !== "undefined";

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function add(parent, tag, text, lang) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    if (lang) el.setAttribute("lang", lang);
    parent.appendChild(el);
    return el;
  }

  /** The browser page next to this one: same folder, index.html, without query or fragment. */
  function pageAddress() {
    var here = location.protocol + "//" + location.host + location.pathname;
    return here.replace(/[^/]*$/, "") + "index.html";
  }

  var TEXT = {
    zh: {
      officeTitle: "此版本的 Office 无法运行合规助手窗格",
      officeWhy:
        "这台电脑的 Office 用旧的 Internet Explorer 或旧版 Edge 组件显示加载项，" +
        "合规助手需要的新版网页技术在其中无法运行。工作簿没有任何改动。可以改用：",
      browserTitle: "此浏览器版本过旧，无法打开合规助手",
      browserWhy: "合规助手需要新版浏览器。可以改用：",
      page: "独立页面：用 Chrome 或新版 Microsoft Edge 打开下面的地址，选择工作簿即可检查，并可下载标注副本（Excel 和 WPS 都能打开）。没有内网服务器时，用局里分发的 fucai.html 文件，双击后用 Chrome 或新版 Edge 打开，无需联网。",
      wps: "WPS 表格：WPS 不能运行 Office 加载项；把工作簿保存为 .xlsx，用上面的独立页面检查即可。",
      upgrade:
        "升级 Office：Office 2021 及以上版本或 Microsoft 365 可直接使用本加载项。Office 2016/2019 零售版安装微软的 “Microsoft Edge WebView2 运行时” 后也可使用（批量许可版不行）。",
      clear: "功能区上的“清除标记”不需要窗格，在这里仍可使用（需要 Excel 支持 ExcelApi 1.9）。",
      address: "独立页面地址：",
    },
    en: {
      officeTitle: "This version of Office cannot run the compliance pane",
      officeWhy:
        "Office on this PC shows add-ins with the old Internet Explorer or Edge Legacy " +
        "component, which cannot run what the pane needs. Your workbook has not been changed. " +
        "What works instead:",
      browserTitle: "This browser is too old for the compliance assistant",
      browserWhy: "The assistant needs a current browser. What works instead:",
      page: "The standalone page: open the address below in Chrome or the new Microsoft Edge, choose the workbook to check it and download the annotated copy (it opens in Excel and WPS). Without an intranet server, double-click the fucai.html file your bureau hands out and open it in Chrome or the new Edge; no internet is needed.",
      wps: "WPS Spreadsheets: WPS cannot run Office add-ins; save the workbook as .xlsx and check it on the standalone page above.",
      upgrade:
        "Upgrade Office: Office 2021 or later and Microsoft 365 run this add-in. Retail Office 2016/2019 does too once Microsoft's Edge WebView2 Runtime is installed (volume-licensed copies do not).",
      clear:
        "The ribbon's Clear marks does not need the pane and still works here (it needs ExcelApi 1.9).",
      address: "The standalone page's address:",
    },
  };

  function showOld() {
    clear(root);
    var box = add(root, "div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-legacy", "true");
    box.style.padding = "12px 16px";
    box.style.lineHeight = "1.5";
    var langs = ["zh", "en"];
    for (var i = 0; i < langs.length; i += 1) {
      var t = TEXT[langs[i]];
      var part = add(box, "section", "", langs[i] === "zh" ? "zh-CN" : "en");
      add(part, "h1", inOffice ? t.officeTitle : t.browserTitle).style.fontSize = "16px";
      add(part, "p", inOffice ? t.officeWhy : t.browserWhy);
      var list = add(part, "ol");
      add(list, "li", t.page);
      add(list, "li", t.wps);
      add(list, "li", t.upgrade);
      var where = add(part, "p", t.address);
      var address = add(where, "code", pageAddress());
      address.style.wordBreak = "break-all";
      address.style.display = "block";
      if (inOffice) add(part, "p", t.clear);
    }
    // Office.js wants to hear from the page that it started; the pane itself does not run.
    if (inOffice && typeof window.Office.onReady === "function")
      window.Office.onReady(function () {});
  }

  function showFailed() {
    clear(root);
    var box = add(
      root,
      "p",
      "无法载入合规助手，请检查网络后重新打开。 · The assistant could not load; check the connection and open it again."
    );
    box.setAttribute("role", "alert");
    box.style.padding = "12px 16px";
  }

  function start() {
    var names = ((self && self.getAttribute("data-main")) || "").split(" ");
    var head = document.getElementsByTagName("head")[0];
    for (var i = 0; i < names.length; i += 1) {
      // Only the build's own bundles: file names in this folder, never an address.
      if (!/^[\w.-]+\.js$/.test(names[i])) continue;
      var s = document.createElement("script");
      s.src = names[i];
      s.async = false;
      s.onerror = showFailed;
      head.appendChild(s);
    }
  }

  if (oldEngine()) showOld();
  else start();
})();
