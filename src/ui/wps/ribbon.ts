/**
 * main.js of the WPS add-in: the functions ribbon.xml names, on `window` where WPS calls them
 * (Kingsoft's wpsjs 2.2.3 "et" template defines OnAddinLoad, OnAction and GetImage the same way
 * in js/ribbon.js, loaded by the start page index.html through main.js).
 *
 * 合规检查 opens the task pane (Application.CreateTaskPane(url, title), then Visible = true, as
 * Kingsoft's 任务窗格概述 shows), or shows it again and reloads it, which checks at once; the
 * pane's id is kept in PluginStorage, the store shared by the add-in's pages. 清除标记 clears the
 * marks here, without the pane, and says what it did in a message box.
 */
import type { Lang } from "../../engine/i18n";
import { explained, wpsHost } from "../../hosts/wps/host";
import { clearMarks, type ClearResult } from "../../hosts/wps/marks";
import { STRINGS } from "../strings";

type AddinApplication = Pick<typeof wps, "CreateTaskPane" | "GetTaskPane" | "PluginStorage">;

const PANE_KEY = "fucai_taskpane_id";
const PANE_TITLE = "福彩合规检查";

function app(): AddinApplication {
  const g = globalThis as unknown as { Application?: AddinApplication; wps?: AddinApplication };
  const found = g.Application ?? g.wps;
  if (!found) throw new Error("not in WPS");
  return found;
}

/** The folder this page was loaded from (GetUrlPath in Kingsoft's template). */
function folder(): string {
  const href = decodeURI(document.location.toString());
  return href.slice(0, href.lastIndexOf("/"));
}

function showPane(): void {
  const a = app();
  const url = `${folder()}/taskpane.html`;
  const id = Number(a.PluginStorage.getItem(PANE_KEY));
  const existing = id ? a.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    existing.Navigate(url);
    return;
  }
  const pane = a.CreateTaskPane(url, PANE_TITLE);
  a.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
}

export function clearedMessage(r: ClearResult): string {
  const lines = (lang: Lang) => {
    const s = STRINGS[lang];
    const out = [s.clearedSummary(r.restored, r.removed)];
    if (r.changedByUser) out.push(s.clearedChanged(r.changedByUser));
    if (r.protectedSheets.length)
      out.push(s.clearedProtected(r.protectedSheets.join(lang === "zh" ? "、" : ", ")));
    return out.join("\n");
  };
  return `${lines("zh")}\n\n${lines("en")}`;
}

function clear(): void {
  try {
    window.alert(clearedMessage(clearMarks(wpsHost())));
  } catch (e) {
    const { text } = explained(e);
    window.alert(`${text.zh}\n\n${text.en}`);
  }
}

function OnAddinLoad(): boolean {
  return true;
}

function OnAction(control: { Id: string }): boolean {
  if (control.Id === "fucaiCheck") showPane();
  else if (control.Id === "fucaiClear") clear();
  return true;
}

function GetImage(): string {
  return "images/icon-32.png";
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
