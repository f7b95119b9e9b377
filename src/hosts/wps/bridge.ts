/**
 * The task pane's view of WPS 表格: the same interface the pane uses for Excel (src/ui/bridge.ts,
 * ExcelBridge), so the same pane runs unchanged. WPS answers synchronously; the bridge returns
 * promises because the pane awaits every call, and every rejection carries a bilingual `text`.
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { WorkbookModel } from "../../engine/model";
import type { ProjectSummary } from "../../engine/summary/model";
import { parseRange } from "../../engine/util/address";
import type { OfficeBridge, SelectOutcome } from "../excel/bridge";
import type { Capabilities } from "../excel/capabilities";
import { isContractSheet } from "../excel/address";
import { XL_SHEET_VISIBLE } from "./et";
import { activeWorkbook, explained, WpsHostError, wpsHost, type WpsHost } from "./host";
import { applyMarks, clearMarks } from "./marks";
import { readWorkbook, worksheets } from "./read";
import { writeReviewRow } from "./reviews";
import { writeSummarySheet } from "./summary";
import type { ReviewValues } from "../../engine/reviews/rows";

/** What the pane may offer in WPS: all but inserting the template (see insertTemplate). */
export const WPS_CAPABILITIES: Capabilities = {
  check: true,
  // Range.AddComment makes the classic cell comment, Excel 365's "note".
  notes: true,
  comments: false,
  insertTemplate: false,
  marks: true,
  summarySheet: true,
};

const NO_TEMPLATE = {
  zh: "在 WPS 中不能直接插入模板，请下载标准模板文件后另行打开。",
  en: "WPS cannot insert the template into this workbook: download the template file and open it.",
};

export const DEBOUNCE_MS = 800;

const run =
  <A extends unknown[], R>(f: (...args: A) => R) =>
  async (...args: A): Promise<R> => {
    try {
      return f(...args);
    } catch (e) {
      throw explained(e);
    }
  };

/** Activate the finding's sheet and select its cell or range. */
export function selectCell(host: WpsHost, sheetName: string, cell: string): SelectOutcome {
  const sheet = worksheets(activeWorkbook(host)).find((s) => String(s.Name) === sheetName);
  if (!sheet || !parseRange(cell)) return "missing";
  if (Number(sheet.Visible) !== XL_SHEET_VISIBLE) return "hidden";
  sheet.Activate();
  sheet.Range(cell).Select();
  return "selected";
}

/** Calls back once edits to contract sheets pause. */
export function watchChanges(host: WpsHost, onChange: () => void, debounceMs = DEBOUNCE_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = host.onSheetChange((name) => {
    if (!isContractSheet(name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  return async () => {
    if (timer) clearTimeout(timer);
    stop();
  };
}

export function wpsBridge(host: WpsHost = wpsHost()): OfficeBridge {
  return {
    capabilities: () => WPS_CAPABILITIES,
    readModel: run((): WorkbookModel => readWorkbook(host)),
    select: run((sheet: string, cell: string) => selectCell(host, sheet, cell)),
    mark: run((findings: Finding[], lang: Lang) => applyMarks(host, findings, lang)),
    clear: run(() => clearMarks(host)),
    writeSummary: run((summary: ProjectSummary, lang: Lang) =>
      writeSummarySheet(host, summary, lang)
    ),
    insertTemplate: run((): void => {
      throw new WpsHostError(NO_TEMPLATE, "Unsupported");
    }),
    watch: run((onChange: () => void) => watchChanges(host, onChange)),
    writeReview: run((values: ReviewValues) => writeReviewRow(host, values)),
  };
}
