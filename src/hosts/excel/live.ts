/**
 * Live checking: onChanged handlers on the contract's sheets, calling back once edits pause.
 * Event details are not trusted (a multi-cell paste arrives without them): the callback gets
 * the sheets concerned and the caller reads the workbook again. Formatting does not raise
 * onChanged, so our own marks do not trigger a check.
 */
import { isContractSheet, isContractTable } from "./address";
import type { ExcelHost } from "./host";

export const DEFAULT_DEBOUNCE_MS = 800;

export async function watchChanges(
  host: ExcelHost,
  onChange: (sheets: string[]) => void,
  debounceMs: number = DEFAULT_DEBOUNCE_MS
): Promise<() => Promise<void>> {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    const sheets = [...pending];
    pending.clear();
    if (sheets.length) onChange(sheets);
  };

  const registered = await host.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await context.sync();
    const withTables = new Set(
      tables.items.filter((t) => isContractTable(t.name)).map((t) => t.worksheet.name)
    );
    const watched = worksheets.items.filter(
      (s) => isContractSheet(s.name) || withTables.has(s.name)
    );
    const names = new Map(watched.map((s) => [s.id, s.name] as const));
    const handlers = watched.map((s) =>
      s.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        pending.add(names.get(event.worksheetId) ?? s.name);
        if (timer) clearTimeout(timer);
        timer = setTimeout(fire, debounceMs);
      })
    );
    await context.sync();
    return handlers;
  });

  return async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending.clear();
    if (!registered.length) return;
    // Handlers belong to the context that added them.
    await host.run(async (context) => {
      for (const handler of registered) handler.remove();
      await context.sync();
    }, registered[0].context);
  };
}
