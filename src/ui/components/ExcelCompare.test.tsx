/**
 * @jest-environment jsdom
 *
 * "与上次报送比较" in Excel, on the Office.js fake: sample 02 open in Excel, sample 06 picked as
 * the earlier submission; a changed row and the SUB-RETRO finding select their cell in Excel.
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelView } from "./ExcelView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";
import { officeBridge } from "../../hosts/excel/bridge";
import { FakeExcel } from "../../hosts/excel/testing/fake-excel";
import { readWorkbookModel } from "../../hosts/xlsx/read-model";

const SAMPLES = join(__dirname, "..", "..", "..", "workbooks", "samples");

function file(name: string): File {
  const b = readFileSync(join(SAMPLES, name));
  const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const f = new File([bytes], name);
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.slice(0) });
  return f;
}

describe("comparing in Excel", () => {
  it("goes to the changed row's cell and to the SUB-RETRO finding's cell in the open workbook", async () => {
    const bytes = readFileSync(join(SAMPLES, "02-zhanmin-interim-behind.xlsx"));
    const fake = FakeExcel.fromModel(readWorkbookModel(new Uint8Array(bytes), "Excel"));
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelView
          engine={new InProcessEngine()}
          excel={officeBridge(fake.host)}
          lang="zh"
          s={STRINGS.zh}
        />
      </FluentProvider>
    );
    const pickButton = await waitFor(
      () => screen.getByRole("button", { name: "选择较早的报送文件…" }),
      { timeout: 30000 }
    );
    expect((pickButton as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.change(screen.getByTestId("compare-file-input"), {
        target: { files: [file("06-zhanmin-interim-earlier.xlsx")] },
      });
    });
    const conclusion = await waitFor(() => screen.getByTestId("compare-conclusion"), {
      timeout: 30000,
    });
    expect(conclusion.textContent).toContain("发现 1 处追溯修改");
    // The open workbook is named as such, not by a file name it does not have here.
    expect(screen.getByText("较晚报送：当前工作簿（截至 2024-10-15）")).toBeTruthy();

    const row = document.querySelector('button[data-change="changed"][data-retro="true"]')!;
    await act(async () => {
      fireEvent.click(row);
    });
    await waitFor(() => expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F21" }));
    expect(fake.doc.activeSheet!.name).toBe("支出台账");

    // A folded sheet's rows: open it, and an added row goes to its cell too.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /^月报：变化 2 行$/ }));
    });
    const added = document.querySelector<HTMLElement>(
      'button[data-change="added"][data-cell^="月报!"]'
    )!;
    const [sheet, address] = added.getAttribute("data-cell")!.split("!");
    expect(sheet).toBe("月报");
    expect(address).toMatch(/^[A-Z]7$/);
    await act(async () => {
      fireEvent.click(added);
    });
    await waitFor(() => expect(fake.doc.selection).toEqual({ sheet, address }));

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /SUB-RETRO · 支出台账!F21/ }));
    });
    await waitFor(() => expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "F21" }));
  }, 90000);
});
