/**
 * Ribbon commands without the pane: 清除标记 (clearMarks) removes every mark the add-in made
 * and restores each cell, then tells Office it is done even when it fails.
 */
import { officeHost } from "../hosts/excel/host";
import { clearMarks } from "../hosts/excel/marks";

async function clearMarksCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await clearMarks(officeHost());
  } catch (e) {
    // A ribbon command has nowhere to show an error but the console; the pane shows them.
    console.error("clearMarks failed", e);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("clearMarks", clearMarksCommand);
});
