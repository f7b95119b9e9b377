/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SeverityBar } from "./SeverityBar";
import { STRINGS } from "../strings";
import type { Counts } from "../../engine/findings";

const counts: Counts = { error: 2, warning: 1, info: 0, notChecked: 0, progress: 0, accepted: 0 };

function bar(c: Counts, lang: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SeverityBar
        counts={c}
        only={new Set()}
        onToggle={() => {}}
        onClear={() => {}}
        s={STRINGS[lang]}
      />
    </FluentProvider>
  );
}

describe("the severity bar", () => {
  it("shows 已认可 apart from the filters when findings were accepted in 审核意见", () => {
    bar({ ...counts, accepted: 3 });
    const accepted = screen.getByText("已认可 3");
    expect(accepted.getAttribute("title")).toContain("不计入错误和警告");
    expect(accepted.closest("button")).toBeNull();
    expect(screen.getByRole("button", { name: /错误 2/ })).toBeTruthy();
  });

  it("says nothing of it when nothing was accepted, and speaks English too", () => {
    bar(counts);
    expect(screen.queryByText(/已认可/)).toBeNull();
    bar({ ...counts, accepted: 1 }, "en");
    expect(screen.getByText("Accepted 1")).toBeTruthy();
  });
});
