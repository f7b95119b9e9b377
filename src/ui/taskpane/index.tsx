/** Entry of the pane: decide the host, then render. Large parts (the engine, ExcelJS) load later, on use. */
import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { App } from "../App";
import { detectHost, languageOf, type HostInfo } from "../office";
import { EngineClient } from "../engine-client";
import type { ExcelBridge } from "../bridge";

async function preloadList(): Promise<string[] | undefined> {
  const params = new URLSearchParams(location.search);
  if (!params.has("samples")) return undefined;
  const res = await fetch("samples/index.json");
  if (!res.ok) return undefined;
  const names = (await res.json()) as string[];
  return names.map((n) => `samples/${encodeURIComponent(n)}`);
}

async function renderFor(root: Root, host: HostInfo, engine: EngineClient) {
  let excel: ExcelBridge | undefined;
  if (host.mode === "excel") {
    const { officeBridge } = await import(
      /* webpackChunkName: "excel-host" */ "../../hosts/excel/bridge"
    );
    excel = officeBridge();
  }
  const dark =
    host.mode === "excel" ? host.dark : window.matchMedia?.("(prefers-color-scheme: dark)").matches;
  // In Excel, Office's display language; on the page, Chinese unless ?lang=en asks otherwise.
  const asked = new URLSearchParams(location.search).get("lang");
  const lang =
    host.mode === "excel" ? languageOf(host.displayLanguage) : asked === "en" ? "en" : "zh";
  const preload = host.mode === "standalone" ? await preloadList() : undefined;
  root.render(
    <App
      key={host.mode}
      host={host}
      engine={engine}
      excel={excel}
      initialLang={lang}
      dark={dark}
      preload={preload}
    />
  );
}

async function main() {
  const root = createRoot(document.getElementById("root")!);
  const engine = new EngineClient();
  const host = await detectHost();
  await renderFor(root, host, engine);
  // Office.js answered late (a slow network inside Excel): switch to the Excel pane.
  const late = await host.later;
  if (late) await renderFor(root, late, engine);
}

void main();
