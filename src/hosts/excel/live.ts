/**
 * Live checking: calls back once edits pause, with the sheets concerned.
 *
 * - Every sheet is watched, those added or renamed later too: with ExcelApi 1.9 one handler on
 *   the worksheet collection (worksheets.onChanged covers sheets that do not exist yet), plus
 *   onAdded and onDeleted (1.7) and onNameChanged (1.17)
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#events);
 *   with ExcelApi 1.7/1.8 a handler per sheet, and one more for each sheet added.
 * - Whether a change concerns the check is decided when the callback is due, from the sheets'
 *   names at that moment (a sheet renamed to 支出台账 after the start counts).
 * - Changes the add-in makes itself raise the same events ("Office Add-in (JavaScript) code that
 *   changes the workbook" triggers them, excel-add-ins-events#event-triggers): from ExcelApi
 *   1.14 they say triggerSource "ThisLocalAddin" and are ignored; before that they only reach
 *   the 汇总-合规 sheet, which is not a contract sheet. Formatting (our marks) raises
 *   onFormatChanged, not onChanged.
 *
 * Event details are not trusted (a multi-cell paste arrives without them): the callback gets the
 * sheets concerned and the caller reads the workbook again.
 */
import { isContractSheet, isContractTable } from "./address";
import { excelRun, supports, type ExcelHost } from "./host";

export const DEFAULT_DEBOUNCE_MS = 800;

/** Handlers of one context, removed together on that context. */
interface Registration {
  results: OfficeExtension.EventHandlerResult<unknown>[];
}

type EventArgs = {
  worksheetId?: string;
  triggerSource?: string;
  nameBefore?: string;
  nameAfter?: string;
  type?: string;
};

export async function watchChanges(
  host: ExcelHost,
  onChange: (sheets: string[]) => void,
  debounceMs: number = DEFAULT_DEBOUNCE_MS
): Promise<() => Promise<void>> {
  /** Sheets changed (by id) and names that came or went, since the last callback. */
  const changed = new Set<string>();
  const names = new Set<string>();
  /** Names by sheet id as last seen, for a sheet deleted meanwhile. */
  const known = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const registrations: Registration[] = [];

  const fire = async () => {
    timer = null;
    if (stopped || (!changed.size && !names.size)) return;
    const ids = [...changed];
    const touched = [...names];
    changed.clear();
    names.clear();
    const sheets = await excelRun(host, async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name,items/id");
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      await context.sync();
      const withTables = new Set(
        tables.items.filter((t) => isContractTable(t.name)).map((t) => t.worksheet.name)
      );
      const relevant = (name: string) => isContractSheet(name) || withTables.has(name);
      for (const s of worksheets.items) known.set(s.id, s.name);
      const out = new Set<string>();
      for (const id of ids) {
        const name = known.get(id);
        if (name !== undefined && relevant(name)) out.add(name);
      }
      for (const name of touched) if (isContractSheet(name) || withTables.has(name)) out.add(name);
      return [...out];
    }).catch(() => [] as string[]);
    if (sheets.length && !stopped) onChange(sheets);
  };
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };
  const onChanged = async (event: EventArgs) => {
    // Our own writes (the summary sheet): not the user's edits.
    if (event.triggerSource === "ThisLocalAddin") return;
    if (event.worksheetId) changed.add(event.worksheetId);
    schedule();
  };
  const onStructure = async (event: EventArgs) => {
    if (event.triggerSource === "ThisLocalAddin") return;
    if (event.worksheetId) {
      const gone = known.get(event.worksheetId);
      if (gone !== undefined) names.add(gone);
      changed.add(event.worksheetId);
    }
    if (event.nameBefore) names.add(event.nameBefore);
    if (event.nameAfter) names.add(event.nameAfter);
    schedule();
  };

  const collectionEvents = supports(host, "1.9");
  await excelRun(host, async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    for (const s of worksheets.items) known.set(s.id, s.name);
    const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
    if (collectionEvents) results.push(worksheets.onChanged.add(onChanged));
    else for (const s of worksheets.items) results.push(s.onChanged.add(onChanged));
    results.push(
      worksheets.onAdded.add(async (event: Excel.WorksheetAddedEventArgs) => {
        if (!collectionEvents && event.worksheetId) await watchSheet(event.worksheetId);
        await onStructure(event);
      })
    );
    results.push(worksheets.onDeleted.add(onStructure));
    if (supports(host, "1.17")) results.push(worksheets.onNameChanged.add(onStructure));
    await context.sync();
    registrations.push({ results });
  });

  /** ExcelApi 1.7/1.8: a sheet added after the start gets a handler of its own. */
  async function watchSheet(id: string): Promise<void> {
    if (stopped) return;
    await excelRun(host, async (context) => {
      const result = context.workbook.worksheets.getItem(id).onChanged.add(onChanged);
      await context.sync();
      registrations.push({ results: [result] });
    }).catch(() => undefined);
  }

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    changed.clear();
    names.clear();
    // Handlers belong to the context that added them: each set is removed on its own.
    await Promise.all(
      registrations
        .splice(0)
        .filter((r) => r.results.length)
        .map((r) =>
          excelRun(
            host,
            async (context) => {
              for (const result of r.results) result.remove();
              await context.sync();
            },
            r.results[0].context
          ).catch(() => undefined)
        )
    );
  };
}
