/**
 * Marks in the user's workbook: every flagged cell filled by severity, the reasons attached as
 * a note (ExcelApi 1.18), else a threaded comment (1.10), else fill only. Nothing else changes:
 * values, formulas, fonts, borders and number formats are never written. A note or comment of
 * the user's is never touched: such a cell gets the fill only.
 *
 * Recoverable whatever happens half-way:
 * - What the marks replace (each cell's fill) is recorded in the document (doc-state.ts, a custom
 *   XML part every add-in Id can read) in the first request that changes anything, covering
 *   every cell this run will touch; the last request writes the exact record. A run that fails
 *   half-way (the size limit, a protection set meanwhile, a closed pane) leaves a record that
 *   clearMarks restores from.
 * - Our notes and comments are found by their first line (NOTE_HEADER), not by the record.
 * - Protected sheets are left alone, and said so: nothing is marked there, and their old marks
 *   stay in the record until the sheet is unprotected.
 *
 * Round trips: what is there (sheets and their protection, our part, notes and comments); their
 * XML and where the user's notes and comments are; the fills of the cells concerned; then the
 * writes. Reads and writes are packed into requests by estimated bytes (payload.ts), so a
 * 6,000-cell ledger takes a few more syncs instead of failing on Excel on the web's 5 MB.
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { splitAddress } from "./address";
import { StateStore, type DocState } from "./doc-state";
import { explained } from "./errors";
import { API, excelRun, supports, type ExcelHost } from "./host";
import {
  buildRecord,
  isOurNote,
  MARK_COLORS,
  noteText,
  parseRecord,
  planMarks,
  RECORD_KEY,
  recordEntries,
  sameColor,
  type FillState,
  type PlannedMark,
  type RecordedMark,
} from "./marks-plan";
import {
  ACTION_BYTES,
  isSizeError,
  jsonBytes,
  PATH_BYTES,
  sendInChunks,
  utf8Length,
} from "./payload";

export type MarkMode = "notes" | "comments" | "fill";

export interface ClearResult {
  /** Cells whose fill was put back. */
  restored: number;
  /** Notes and comments of ours deleted. */
  removed: number;
  /** Marked cells the user has re-coloured since: left as the user made them. */
  changedByUser: number;
  /** Protected sheets whose marks could not be taken away (kept for a later clear). */
  protectedSheets: string[];
}

export interface MarkResult {
  /** "unsupported": this Excel cannot put fills back exactly (ExcelApi 1.9), so nothing was marked. */
  mode: MarkMode | "unsupported";
  /** Cells filled. */
  cells: number;
  /** Notes or comments attached. */
  notes: number;
  /** Cells that kept the user's own note or comment (fill only). */
  userNotesKept: number;
  /** Cells left alone because their fill is a gradient, which Office.js cannot put back. */
  gradientsSkipped: number;
  /** Sheets named by findings that the workbook no longer has. */
  missingSheets: string[];
  /** Sheets named by findings that are protected: not marked. */
  protectedSheets: string[];
  /** Some comments could not be added (a cell with a note this Excel cannot see). */
  commentsFailed?: boolean;
  /** Marks of the previous run taken away first. */
  cleared: ClearResult;
}

export function markMode(host: Pick<ExcelHost, "isSetSupported">): MarkMode | "unsupported" {
  if (!supports(host, API.fillPattern) || !supports(host, API.settings)) return "unsupported";
  if (supports(host, API.notes)) return "notes";
  if (supports(host, API.comments)) return "comments";
  return "fill";
}

const noClear = (): ClearResult => ({
  restored: 0,
  removed: 0,
  changedByUser: 0,
  protectedSheets: [],
});

function emptyResult(mode: MarkResult["mode"]): MarkResult {
  return {
    mode,
    cells: 0,
    notes: 0,
    userNotesKept: 0,
    gradientsSkipped: 0,
    missingSheets: [],
    protectedSheets: [],
    cleared: noClear(),
  };
}

export async function applyMarks(
  host: ExcelHost,
  findings: readonly Finding[],
  lang: Lang = "zh"
): Promise<MarkResult> {
  const mode = markMode(host);
  if (mode === "unsupported") return emptyResult(mode);
  const planned = planMarks(findings, lang);
  try {
    return await excelRun(host, (context) => session(context, host, mode, planned));
  } catch (e) {
    throw explained(e);
  }
}

export async function clearMarks(host: ExcelHost): Promise<ClearResult> {
  const mode = markMode(host);
  if (mode === "unsupported") return noClear();
  try {
    return await excelRun(
      host,
      async (context) => (await session(context, host, mode, null)).cleared
    );
  } catch (e) {
    throw explained(e);
  }
}

const key = (sheetId: string, cell: string) => `${sheetId}\u0000${cell}`;

/** Loaded together: the five properties that put a fill back exactly (ExcelApi 1.9). */
const FILL_LOAD =
  "format/fill/color,format/fill/pattern,format/fill/patternColor,format/fill/tintAndShade,format/fill/patternTintAndShade";

function fillState(fill: Excel.RangeFill): FillState {
  return {
    color: fill.color,
    pattern: fill.pattern,
    patternColor: fill.patternColor ?? null,
    tintAndShade: fill.tintAndShade ?? null,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
}

function sameFill(a: FillState, b: FillState): boolean {
  if (a.pattern === "None" && b.pattern === "None") return true;
  return (
    a.pattern === b.pattern &&
    sameColor(a.color, b.color) &&
    (a.patternColor ?? "").toUpperCase() === (b.patternColor ?? "").toUpperCase() &&
    (a.tintAndShade ?? 0) === (b.tintAndShade ?? 0) &&
    (a.patternTintAndShade ?? 0) === (b.patternTintAndShade ?? 0)
  );
}

function restoreFill(fill: Excel.RangeFill, state: FillState): void {
  if (state.pattern === "None") {
    fill.clear();
    return;
  }
  fill.color = state.color;
  fill.pattern = state.pattern as Excel.FillPattern;
  if (state.patternColor !== null) fill.patternColor = state.patternColor;
  if (state.tintAndShade !== null) fill.tintAndShade = state.tintAndShade;
  if (state.patternTintAndShade !== null) fill.patternTintAndShade = state.patternTintAndShade;
}

interface SheetInfo {
  id: string;
  name: string;
  protected: boolean;
}

/** One queued write and what it adds to a request. */
interface WriteOp {
  bytes: number;
  queue(context: Excel.RequestContext, sheet: (name: string) => Excel.Worksheet): void;
}

const RANGE_BYTES = (cell: string) => 3 * PATH_BYTES + jsonBytes(cell);

/** What each operation adds to a request (payload.test.ts holds them against Office.js). */
export const estimate = {
  /** range.load(FILL_LOAD) on a sheet already in the request. */
  fillRead: (cell: string) => PATH_BYTES + ACTION_BYTES + jsonBytes(cell) + FILL_LOAD.length,
  /** Solid fill in a colour, and a note when given. */
  mark: (cell: string, color: string, note: string | null) =>
    RANGE_BYTES(cell) +
    2 * ACTION_BYTES +
    jsonBytes(color) +
    (note === null ? 0 : PATH_BYTES + utf8Length(JSON.stringify(note))),
  /** A fill put back. */
  restore: (cell: string, original: FillState) =>
    RANGE_BYTES(cell) + (original.pattern === "None" ? 1 : 5) * ACTION_BYTES + jsonBytes(original),
  comment: (cell: string, text: string) => 2 * PATH_BYTES + ACTION_BYTES + jsonBytes(cell, text),
};

/** One run: take the previous marks away and, when `planned` is given, put the new ones on. */
async function session(
  context: Excel.RequestContext,
  host: ExcelHost,
  mode: MarkMode,
  planned: PlannedMark[] | null
): Promise<MarkResult> {
  const workbook = context.workbook;
  const notesApi = supports(host, API.notes);
  const commentsApi = supports(host, API.comments);
  const out = emptyResult(mode);
  const cleared = out.cleared;

  // 1. The sheets and their protection, our part, the record of older versions, notes, comments.
  const sheetList = workbook.worksheets.load("items/name,items/id,items/protection/protected");
  const store = StateStore.begin(context);
  const legacy = workbook.settings.getItemOrNullObject(RECORD_KEY).load("value");
  const notes = notesApi ? workbook.notes.load("items/content") : null;
  const comments = commentsApi ? workbook.comments.load("items/content") : null;
  await context.sync();

  const sheets: SheetInfo[] = sheetList.items.map((s) => ({
    id: s.id,
    name: s.name,
    protected: s.protection.protected,
  }));
  const byId = new Map(sheets.map((s) => [s.id, s] as const));
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const anyProtected = sheets.some((s) => s.protected);
  const ourNotes = (notes?.items ?? []).filter((n) => isOurNote(n.content));
  const userNotes = (notes?.items ?? []).filter((n) => !isOurNote(n.content));
  const ourComments = (comments?.items ?? []).filter((c) => isOurNote(c.content));
  const userComments = (comments?.items ?? []).filter((c) => !isOurNote(c.content));
  if (!planned && !store.exists && legacy.isNullObject && !ourNotes.length && !ourComments.length)
    return out;

  // 2. Our part's XML; where the user's notes and comments are (a mark never goes over them),
  // and ours when a protected sheet might hold some (they stay there).
  // A part is made only when there may be something to record (clearing our stray notes needs none).
  store.fetch(context, planned !== null || !legacy.isNullObject);
  const located = [
    ...(planned ? userNotes : []).map((n) => n.getLocation().load("address")),
    ...(planned ? userComments : []).map((c) => c.getLocation().load("address")),
  ];
  const ourNoteAt = anyProtected ? ourNotes.map((n) => n.getLocation().load("address")) : [];
  const ourCommentAt = anyProtected ? ourComments.map((c) => c.getLocation().load("address")) : [];
  await context.sync();

  const state = store.read();
  const previous = [
    ...recordEntries(parseRecord(state.marks)),
    ...recordEntries(legacy.isNullObject ? null : parseRecord(legacy.value)),
  ];
  const sheetOf = (address: string) => byName.get(splitAddress(address).sheet ?? "");
  const occupied = new Set(
    located.map((at) => {
      const { sheet, ref } = splitAddress(at.address);
      return `${sheet}\u0000${ref.split(":")[0]}`;
    })
  );

  // 3. The fills of every cell concerned: marked before (on sheets we may touch) and to mark.
  const targets = (planned ?? []).filter((p) => {
    const sheet = byName.get(p.sheet);
    if (!sheet) {
      if (!out.missingSheets.includes(p.sheet)) out.missingSheets.push(p.sheet);
      return false;
    }
    if (sheet.protected) {
      if (!out.protectedSheets.includes(p.sheet)) out.protectedSheets.push(p.sheet);
      return false;
    }
    return true;
  });
  const targetKeys = new Set(targets.map((t) => key(byName.get(t.sheet)!.id, t.cell)));
  const carried: RecordedMark[] = [];
  const restorable: RecordedMark[] = [];
  const oldByKey = new Map<string, RecordedMark>();
  for (const e of previous) {
    const sheet = byId.get(e.sheetId);
    if (!sheet) continue; // The sheet is gone, and its cells with it.
    const k = key(e.sheetId, e.cell);
    if (oldByKey.has(k)) continue;
    if (sheet.protected) {
      carried.push({ ...e, sheetName: sheet.name });
      if (!cleared.protectedSheets.includes(sheet.name)) cleared.protectedSheets.push(sheet.name);
      continue;
    }
    oldByKey.set(k, { ...e, sheetName: sheet.name });
    if (!targetKeys.has(k)) restorable.push({ ...e, sheetName: sheet.name });
  }
  const toRead = [
    ...restorable.map((e) => ({ sheet: e.sheetName, cell: e.cell })),
    ...targets.map((t) => ({ sheet: t.sheet, cell: t.cell })),
  ];
  const fills = new Map<string, FillState>();
  await sendInChunks(
    toRead,
    (r) => estimate.fillRead(r.cell),
    async (piece) => {
      const proxies = new Map<string, Excel.Worksheet>();
      const loads = piece.map((r) => {
        let ws = proxies.get(r.sheet);
        if (!ws) proxies.set(r.sheet, (ws = workbook.worksheets.getItem(r.sheet)));
        return { r, range: ws.getRange(r.cell).load(FILL_LOAD) };
      });
      await context.sync();
      for (const { r, range } of loads)
        fills.set(`${r.sheet}\u0000${r.cell}`, fillState(range.format.fill));
    }
  );
  const fillAt = (sheet: string, cell: string) => fills.get(`${sheet}\u0000${cell}`)!;
  const stillOurs = (e: RecordedMark) => {
    const now = fillAt(e.sheetName, e.cell);
    return now.pattern === "Solid" && sameColor(now.color, e.color);
  };

  // 4. The writes, in order: the record first, then the old marks away, then the new ones on,
  // then the exact record.
  const writes: WriteOp[] = [];
  const restoring: RecordedMark[] = [];
  for (const e of restorable) {
    const now = fillAt(e.sheetName, e.cell);
    if (stillOurs(e)) {
      restoring.push(e);
      writes.push({
        bytes: estimate.restore(e.cell, e.original),
        queue: (_c, sheet) =>
          restoreFill(sheet(e.sheetName).getRange(e.cell).format.fill, e.original),
      });
      cleared.restored += 1;
    } else if (!sameFill(now, e.original)) cleared.changedByUser += 1;
  }
  const deletable = (at: Excel.Range | undefined) => {
    if (!at) return true;
    return !sheetOf(at.address)?.protected;
  };
  ourNotes.forEach((n, i) => {
    if (!deletable(ourNoteAt[i])) {
      const name = sheetOf(ourNoteAt[i].address)!.name;
      if (!cleared.protectedSheets.includes(name)) cleared.protectedSheets.push(name);
      return;
    }
    cleared.removed += 1;
    writes.push({ bytes: PATH_BYTES + ACTION_BYTES, queue: () => n.delete() });
  });
  ourComments.forEach((c, i) => {
    if (!deletable(ourCommentAt[i])) return;
    cleared.removed += 1;
    writes.push({ bytes: PATH_BYTES + ACTION_BYTES, queue: () => c.delete() });
  });

  const marked: RecordedMark[] = [];
  const toComment: { sheet: string; cell: string; text: string }[] = [];
  for (const t of targets) {
    const sheet = byName.get(t.sheet)!;
    const current = fillAt(t.sheet, t.cell);
    if (/Gradient/i.test(current.pattern)) {
      out.gradientsSkipped += 1;
      continue;
    }
    // A cell still wearing our previous mark: its original is the one recorded then.
    const prior = oldByKey.get(key(sheet.id, t.cell));
    const original = prior && stillOurs(prior) ? prior.original : current;
    const color = MARK_COLORS[t.severity];
    marked.push({ sheetId: sheet.id, sheetName: sheet.name, cell: t.cell, original, color });
    out.cells += 1;
    let text: string | null = null;
    if (t.lines.length && mode !== "fill") {
      if (occupied.has(`${t.sheet}\u0000${t.cell}`)) out.userNotesKept += 1;
      else if (mode === "notes") text = noteText(t.lines);
      else toComment.push({ sheet: t.sheet, cell: t.cell, text: noteText(t.lines) });
    }
    const note = text;
    if (note !== null) out.notes += 1;
    writes.push({
      // Solid, whatever pattern was there: a clear recognises its own marks by colour and pattern.
      bytes: estimate.mark(t.cell, color, note),
      queue: (c, ws) => {
        const range = ws(t.sheet).getRange(t.cell);
        range.format.fill.pattern = "Solid";
        range.format.fill.color = color;
        if (note !== null) c.workbook.notes.add(range, note);
      },
    });
  }

  const finalState = (): DocState => {
    const entries = [...carried, ...marked];
    const next: DocState = { ...state };
    if (entries.length) next.marks = buildRecord(entries);
    else delete next.marks;
    return next;
  };
  if (writes.length || previous.length || !legacy.isNullObject) {
    // Before anything changes: every cell this run may leave marked, with what it was before.
    const covering: DocState = {
      ...state,
      marks: buildRecord([...carried, ...restoring, ...marked]),
    };
    const last = finalState();
    const first: WriteOp[] = [];
    if (store.writable)
      first.push({
        bytes: StateStore.writeBytes(covering),
        queue: (c) => store.write(c, covering),
      });
    if (!legacy.isNullObject)
      first.push({ bytes: PATH_BYTES + ACTION_BYTES, queue: () => legacy.delete() });
    const closing: WriteOp[] = store.writable
      ? [{ bytes: StateStore.writeBytes(last), queue: (c) => store.write(c, last) }]
      : [];
    await runWrites(context, [...first, ...writes, ...closing]);
  }
  if (toComment.length) await addComments(context, toComment, out);
  return out;
}

/** Sends the writes in order, as few requests as the budget allows. */
async function runWrites(context: Excel.RequestContext, writes: WriteOp[]): Promise<void> {
  await sendInChunks(
    writes,
    (w) => w.bytes,
    async (piece) => {
      const proxies = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let ws = proxies.get(name);
        if (!ws) proxies.set(name, (ws = context.workbook.worksheets.getItem(name)));
        return ws;
      };
      for (const w of piece) w.queue(context, sheet);
      await context.sync();
    }
  );
}

/**
 * Comments go last, in requests of their own: without ExcelApi 1.18 a legacy note cannot be
 * seen, and a comment on a cell that has one fails the rest of its request. The fills and the
 * record are in by then, and a clear removes whatever comments of ours did get added.
 */
async function addComments(
  context: Excel.RequestContext,
  comments: { sheet: string; cell: string; text: string }[],
  out: MarkResult
): Promise<void> {
  try {
    await sendInChunks(
      comments,
      (c) => estimate.comment(c.cell, c.text),
      async (piece) => {
        const proxies = new Map<string, Excel.Worksheet>();
        for (const c of piece) {
          let ws = proxies.get(c.sheet);
          if (!ws) proxies.set(c.sheet, (ws = context.workbook.worksheets.getItem(c.sheet)));
          context.workbook.comments.add(ws.getRange(c.cell), c.text);
        }
        await context.sync();
        out.notes += piece.length;
      }
    );
  } catch (e) {
    if (isSizeError(e)) throw e;
    out.commentsFailed = true;
    const all = context.workbook.comments.load("items/content");
    await context.sync();
    out.notes = all.items.filter((c) => isOurNote(c.content)).length;
  }
}
