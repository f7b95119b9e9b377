/**
 * Is there an Office host? taskpane.html references Office.js from Microsoft's CDN statically in
 * <head>, so by the time the pane's bundle runs (src/ui/legacy/boot.js starts it) Office.js has
 * either run or failed to load. When it is not there (it could not load, or this is index.html,
 * the browser page, which never loads it), or Office.onReady reports no host (a plain browser),
 * or nothing answers in time, the pane runs standalone. Never hangs. Nothing in the page's
 * address chooses a script.
 */
/** "wps": the pane inside WPS 表格 (src/ui/wps/index.tsx), which never loads Office.js. */
export type HostMode = "excel" | "wps" | "standalone";

export interface HostInfo {
  mode: HostMode;
  /** Office's display language (e.g. zh-CN), when there is an Office host. */
  displayLanguage?: string;
  dark?: boolean;
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      }
    );
  });
}

/** Dark when Office's body background is dark. */
function officeDark(): boolean {
  const bg = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const hex = bg.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

async function officeReady(): Promise<HostInfo> {
  const info = await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) return { mode: "standalone" };
  return { mode: "excel", displayLanguage: Office.context.displayLanguage, dark: officeDark() };
}

/**
 * The host within `timeoutMs`; standalone when Office.js did not load or report a host by then.
 * `later` settles with Excel if Office answers after the deadline (Office slow to start),
 * so the pane can switch over instead of staying standalone in Excel.
 */
export async function detectHost(
  timeoutMs = 1500
): Promise<HostInfo & { later?: Promise<HostInfo | null> }> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function")
    return { mode: "standalone" };
  const ready = officeReady();
  const first = await withTimeout<HostInfo | null>(ready, timeoutMs, null);
  if (first) return first;
  return {
    mode: "standalone",
    later: ready.then((h) => (h.mode === "excel" ? h : null)).catch(() => null),
  };
}

export function languageOf(tag: string | undefined): "zh" | "en" {
  return !tag || /^zh/i.test(tag) ? "zh" : "en";
}
