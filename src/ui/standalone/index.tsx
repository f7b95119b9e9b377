/**
 * Entry of the single-file page, dist/standalone/fucai.html: the standalone pane opened from
 * disk (file://), offline. No Office.js to wait for, no server to fetch from: it starts in
 * standalone mode at once, and the engine's worker comes from the script the page carries
 * (engine-client.ts).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../App";
import { EngineClient } from "../engine-client";

const asked = new URLSearchParams(location.search).get("lang");
const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;

createRoot(document.getElementById("root")!).render(
  <App
    host={{ mode: "standalone" }}
    engine={new EngineClient()}
    initialLang={asked === "en" ? "en" : "zh"}
    dark={dark}
  />
);
