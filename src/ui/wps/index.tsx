/**
 * Entry of the pane inside WPS 表格 (dist/wps/…/taskpane.html, opened by the ribbon's 合规检查
 * with Application.CreateTaskPane). The same App as in Excel, on the WPS host's bridge; opened
 * outside WPS (a plain browser) it is the standalone page. Built like the single-file page: the
 * engine's worker comes from the script the page carries, so the pane also works when WPS loads
 * the add-in from the local jsaddons folder, where a page cannot start a worker from a file.
 */
import "./polyfills";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../App";
import { EngineClient } from "../engine-client";
import { wpsBridge } from "../../hosts/wps/bridge";
import { insideWps } from "../../hosts/wps/host";

const asked = new URLSearchParams(location.search).get("lang");
const inWps = insideWps();

createRoot(document.getElementById("root")!).render(
  <App
    host={{ mode: inWps ? "wps" : "standalone" }}
    engine={new EngineClient()}
    excel={inWps ? wpsBridge() : undefined}
    initialLang={asked === "en" ? "en" : "zh"}
  />
);
