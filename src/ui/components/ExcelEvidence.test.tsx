/**
 * @jest-environment jsdom
 *
 * The rows behind a figure in Excel and in WPS, on their fakes: sample 02 open, the personnel
 * cap's rows opened in the progress section, and a row click selects that row in the workbook
 * through the host's bridge, as a finding's click selects its cell.
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelView } from "./ExcelView";
import { InProcessEngine } from "../testing";
import { STRINGS } from "../strings";
import type { ExcelBridge } from "../bridge";
import { officeBridge } from "../../hosts/excel/bridge";
import { FakeExcel } from "../../hosts/excel/testing/fake-excel";
import { wpsBridge } from "../../hosts/wps/bridge";
import { FakeBook } from "../../hosts/wps/testing/fake-et";
import { readWorkbookModel } from "../../hosts/xlsx/read-model";

const SAMPLE = join(
  __dirname,
  "..",
  "..",
  "..",
  "workbooks",
  "samples",
  "02-zhanmin-interim-behind.xlsx"
);
const model = () => readWorkbookModel(new Uint8Array(readFileSync(SAMPLE)), "Excel");

async function openRowFive(bridge: ExcelBridge) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ExcelView engine={new InProcessEngine()} excel={bridge} lang="zh" s={STRINGS.zh} />
    </FluentProvider>
  );
  const item = await waitFor(
    () => {
      const li = screen
        .getByTestId("progress")
        .querySelector<HTMLElement>('li[data-rule="BUD-PERSONNEL"]');
      expect(li).toBeTruthy();
      return li!;
    },
    { timeout: 30000 }
  );
  await act(async () => fireEvent.click(within(item).getByTestId("evidence-toggle")));
  await act(async () =>
    fireEvent.click(within(item).getByRole("button", { name: "转到 支出台账 第 5 行" }))
  );
}

describe("a row behind a figure, in the host", () => {
  it("is selected in Excel", async () => {
    const fake = FakeExcel.fromModel(model());
    await openRowFive(officeBridge(fake.host));
    await waitFor(() => expect(fake.doc.selection).toEqual({ sheet: "支出台账", address: "A5" }));
  }, 40000);

  it("is selected in WPS", async () => {
    const book = FakeBook.fromModel(model());
    await openRowFive(wpsBridge(book.host));
    await waitFor(() => expect(book.selection).toEqual({ sheet: "支出台账", address: "A5" }));
  }, 40000);
});
