/**
 * The one door to WPS 表格. Every module of this host takes a WpsHost instead of the global
 * `wps`, so tests hand in the fake ET object model (testing/fake-et.ts).
 *
 * WPS calls the object model synchronously from the page ("每个 WPS 加载项都对应打开了一个网页，
 * 并通过调用网页中 JavaScript 方法来完成其功能逻辑", Kingsoft, WPS 加载项开发说明,
 * https://open.wps.cn/documents/app-integration-dev/client/wpsoffice/wps-integration-mode/wps-addin-development/wps-addin-development-instructions.html):
 * there is no batching and no size limit per request as in Office.js; each property read is a
 * call into WPS, so reads are made per range, never per cell.
 */
import type { Text } from "../../engine/i18n";
import type { Application, Workbook } from "./et";

export interface WpsHost {
  /** The spreadsheet application (wps.EtApplication()). */
  application(): Application;
  /**
   * Calls back on every cell edit (ET's SheetChange event, with the sheet changed); returns
   * what stops it. wps.ApiEvent.AddApiEventListener("SheetChange", (sheet, range) => ...), as
   * wps-jsapi declares it; RemoveApiEventListener takes the event's name only, so it removes
   * every listener of this page for that event.
   */
  onSheetChange(callback: (sheetName: string) => void): () => void;
}

/** What a WPS 加载项 page finds on `window` (Kingsoft's templates use `window.Application`). */
interface WpsGlobals {
  Application?: Application & { ApiEvent?: typeof wps.ApiEvent };
  wps?: Partial<typeof wps>;
}

const globals = () => globalThis as unknown as WpsGlobals;

/**
 * The application object: `window.Application`, as Kingsoft's wpsjs 2.2.3 templates and the
 * task-pane documentation use it (任务窗格概述: `Application.CreateTaskPane(...)`), else
 * `wps.EtApplication()` as wps-jsapi declares it.
 */
function application(): Application {
  const g = globals();
  if (g.Application) return g.Application;
  if (g.wps?.EtApplication) return g.wps.EtApplication() as unknown as Application;
  throw new WpsHostError({
    zh: "此页面不在 WPS 表格中运行。",
    en: "This page is not running in WPS Spreadsheets.",
  });
}

/** The real host, inside a WPS 加载项 page. */
export function wpsHost(): WpsHost {
  return {
    application,
    onSheetChange: (callback) => {
      const g = globals();
      const events = g.Application?.ApiEvent ?? g.wps?.ApiEvent;
      if (!events) return () => undefined;
      events.AddApiEventListener("SheetChange", (sheet: object) =>
        callback(String((sheet as { Name?: unknown }).Name ?? ""))
      );
      return () => events.RemoveApiEventListener("SheetChange");
    },
  };
}

/** Is this page running inside WPS 表格? */
export function insideWps(): boolean {
  const g = globals();
  const app = g.Application as object | undefined;
  return (
    (typeof app === "object" && app !== null && "ActiveWorkbook" in app) ||
    typeof g.wps?.EtApplication === "function"
  );
}

/** An error with its bilingual explanation (the pane shows `text`). */
export class WpsHostError extends Error {
  constructor(
    readonly text: Text,
    readonly code?: string
  ) {
    super(`${text.zh}\n${text.en}`);
    this.name = "WpsHostError";
  }
}

export const NO_WORKBOOK: Text = {
  zh: "没有打开的工作簿。请先在 WPS 表格中打开项目工作簿，再点击“合规检查”。",
  en: "No workbook is open. Open the project workbook in WPS Spreadsheets, then choose Check.",
};

export const STRUCTURE_PROTECTED: Text = {
  zh: "工作簿的结构受保护，不能新增“汇总-合规”工作表。请先撤销保护（审阅 > 保护工作簿），或只在任务窗格中查看汇总。",
  en: "The workbook's structure is protected, so the 汇总-合规 sheet cannot be added. Unprotect it (Review > Protect Workbook), or read the summary in the pane.",
};

/** The open workbook, or a bilingual error saying to open one. */
export function activeWorkbook(host: WpsHost): Workbook {
  const workbook = host.application().ActiveWorkbook;
  if (!workbook) throw new WpsHostError(NO_WORKBOOK, "NoWorkbook");
  return workbook;
}

/** Anything WPS threw, in words: our own errors as they are, the rest after a plain lead-in. */
export function explained(e: unknown): WpsHostError {
  if (e instanceof WpsHostError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new WpsHostError({
    zh: `WPS 报告了错误：${message}`,
    en: `WPS reported an error: ${message}`,
  });
}

/** COM's VARIANT_BOOL arrives as -1/0 or true/false: only its truth counts. */
export function truthy(value: unknown): boolean {
  return value === true || (typeof value === "number" && value !== 0);
}
