/** For the pace and evidence component tests: a sample checked in-process, and the panel on it. */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingsPanel, emptyView } from "./FindingsPanel";
import { EngineCore } from "../worker/core";
import { STRINGS } from "../strings";
import type { WorkbookResult } from "../protocol";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");

/** Sample 02: mid-term, behind on several targets, personnel heading over its plan. */
export async function checkedSample(name = "02-zhanmin-interim-behind.xlsx") {
  const bytes = readFileSync(join(SAMPLES, name));
  const r = await new EngineCore().handle(
    {
      type: "check-bytes",
      id: "s",
      name,
      bytes: bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength
      ) as ArrayBuffer,
    },
    () => {}
  );
  if (r.response.type !== "checked") throw new Error("not checked");
  return r.response.result;
}

export function panel(result: WorkbookResult, lang: "zh" | "en" = "zh", onGo = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsPanel
        result={result}
        lang={lang}
        s={STRINGS[lang]}
        selected={null}
        onSelect={() => {}}
        view={emptyView()}
        onViewChange={() => {}}
        onGo={onGo}
      />
    </FluentProvider>
  );
  return onGo;
}
