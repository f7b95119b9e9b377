/**
 * Ribbon commands without the pane: 清除标记 (clearMarks) removes every mark the add-in made
 * and restores each cell, then tells Office it is done, whatever happened.
 *
 * This file runs wherever the ribbon does, Internet Explorer 11 and Edge Legacy included
 * (perpetual Office 2016/2019: see src/ui/legacy/boot.js for Microsoft's pages on which Office
 * uses which webview). webpack.config.js builds it apart from the pane, to ES5 with core-js's
 * polyfills ("Support older Microsoft webviews and Office versions" recommends exactly a
 * transpiler and core-js: https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11),
 * and test/legacy.test.ts parses the bundle with an ES5-only parser and runs it, in a sandbox
 * without any built-in newer than ES5, against the fake Excel: the same clearing code as the
 * pane's, so a mark made in Microsoft 365 is cleared in Office 2019 exactly as anywhere else.
 *
 * When this Excel cannot put fills back exactly (below ExcelApi 1.9, e.g. volume-licensed Office
 * 2019) or the clearing fails, a small dialog says so in Chinese and English (two static pages,
 * no script), instead of the command ending silently.
 */
import "./polyfills";
import { officeHost, type ExcelHost } from "../hosts/excel/host";
import { clearMarks, markMode } from "../hosts/excel/marks";

/** What the dialog tells; each is a static page beside commands.html. */
export type ClearOutcome = "done" | "unsupported" | "failed";

export const DIALOG_PAGES: Record<Exclude<ClearOutcome, "done">, string> = {
  unsupported: "commands-unsupported.html",
  failed: "commands-failed.html",
};

export async function runClear(host: ExcelHost): Promise<ClearOutcome> {
  try {
    if (markMode(host) === "unsupported") return "unsupported";
    await clearMarks(host);
    return "done";
  } catch (e) {
    // A ribbon command has nowhere else to put the details; the dialog says what to do.
    console.error("clearMarks failed", e);
    return "failed";
  }
}

/** The page next to this function file (commands.html), same folder. */
function pageUrl(page: string): string {
  return (
    location.href
      .split("#")[0]
      .split("?")[0]
      .replace(/[^/]*$/, "") + page
  );
}

/**
 * Shows the outcome's page in an Office dialog and calls `done` when the user closes it (or at
 * once when no dialog can be shown). A function command's runtime may end once it completes,
 * taking its dialog with it, so completion waits for the dialog.
 */
function tell(outcome: ClearOutcome, done: () => void): void {
  if (outcome === "done") return done();
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (!ui || typeof ui.displayDialogAsync !== "function") return done();
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  try {
    ui.displayDialogAsync(
      pageUrl(DIALOG_PAGES[outcome]),
      { height: 40, width: 40, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return finish();
        // The user closing the dialog (12006) is the only event these pages raise.
        result.value.addEventHandler(Office.EventType.DialogEventReceived, finish);
      }
    );
  } catch {
    finish();
  }
}

function clearMarksCommand(event: Office.AddinCommands.Event): void {
  runClear(officeHost()).then(
    (outcome) => tell(outcome, () => event.completed()),
    () => event.completed()
  );
}

// Office finds a function command by Office.actions.associate; older Office looks for a global
// function named as the manifest's FunctionName. Both, at once, as Microsoft's samples do.
(window as unknown as Record<string, unknown>).clearMarks = clearMarksCommand;
if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
  if (Office.actions && typeof Office.actions.associate === "function")
    Office.actions.associate("clearMarks", clearMarksCommand);
}
