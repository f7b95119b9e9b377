/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StandaloneView } from "./StandaloneView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");

function file(name: string): File {
  const bytes = readFileSync(join(SAMPLES, name));
  const f = new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  // jsdom's File lacks arrayBuffer(); the page's browsers have it.
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

function renderView(lang: "zh" | "en" = "zh") {
  const engine = new InProcessEngine();
  render(
    <FluentProvider theme={webLightTheme}>
      <StandaloneView engine={engine} lang={lang} s={STRINGS[lang]} />
    </FluentProvider>
  );
  return engine;
}

describe("StandaloneView", () => {
  it("checks a chosen workbook and lists its findings by area, with rule IDs and severity in words", async () => {
    renderView();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    await waitFor(
      () =>
        expect(screen.getAllByRole("button", { name: /BUD-PERSONNEL/ }).length).toBeGreaterThan(0),
      { timeout: 15000 }
    );
    expect(screen.getByRole("heading", { name: /预算/ })).toBeTruthy();
    const item = screen.getAllByRole("button", { name: /BUD-PERSONNEL · 支出台账!F26/ })[0];
    expect(item.textContent).toContain("错误");
    expect(item.getAttribute("data-cell")).toBe("支出台账!F26");
  }, 30000);

  it("selects the finding's cell in the preview when a finding is clicked", async () => {
    renderView();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    const item = await waitFor(() => screen.getAllByRole("button", { name: /LED-CATEGORY/ })[0], {
      timeout: 15000,
    });
    await act(async () => {
      fireEvent.click(item);
    });
    await waitFor(() => {
      const cell = document.querySelector('td[aria-selected="true"]');
      expect(cell?.getAttribute("data-cell")).toBe("支出台账!C31");
      expect(cell?.textContent).toBe("办公费");
    });
  }, 30000);

  it("filters by severity", async () => {
    renderView();
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [file("03-tokezhake-budget-ledger.xlsx")] },
      });
    });
    await waitFor(() => screen.getAllByRole("button", { name: /LED-AMOUNT/ }), { timeout: 15000 });
    const errors = screen.getByRole("button", { name: /错误 \d+/ });
    await act(async () => {
      fireEvent.click(errors);
    });
    expect(
      screen
        .queryAllByRole("button", { name: /^错误 /i })
        .filter((b) => b.getAttribute("data-rule")).length
    ).toBe(0);
    expect(screen.getAllByRole("button", { name: /^警告 · /i }).length).toBeGreaterThan(0);
  }, 30000);

  it("shows one clear error for a file that cannot be read and still checks the others", async () => {
    const engine = renderView("en");
    const bad = new File([new Uint8Array([1, 2, 3])], "broken.xlsx");
    Object.defineProperty(bad, "arrayBuffer", {
      value: async () => new Uint8Array([1, 2, 3]).buffer,
    });
    await act(async () => {
      fireEvent.change(screen.getByTestId("file-input"), {
        target: { files: [bad, file("01-wupaer-final-compliant.xlsx")] },
      });
    });
    await waitFor(
      () => expect(engine.requests.filter((r) => r === "check-bytes")).toHaveLength(2),
      { timeout: 15000 }
    );
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.textContent)).toEqual([
      expect.stringContaining("broken.xlsx · Cannot be read"),
      expect.stringContaining("01-wupaer-final-compliant.xlsx"),
    ]);
    await act(async () => {
      fireEvent.click(tabs[0]);
    });
    expect(
      within(screen.getByTestId("read-error")).getByText(
        /broken.xlsx: This is not an Excel workbook/
      )
    ).toBeTruthy();
  }, 30000);
});
