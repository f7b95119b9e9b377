/**
 * Marks in the user's workbook: every flagged cell filled by severity, the reasons attached as
 * a note (ExcelApi 1.18), else a threaded comment (1.10), else fill only. Nothing else changes:
 * values, formulas, fonts, borders and number formats are never written. What the marks
 * replace (each cell's fill) is recorded in workbook.settings, so clearMarks puts every cell
 * back after a reload or from a ribbon command without the pane, and removes only the notes
 * and comments we wrote (they start with NOTE_HEADER). A note or comment of the user's is never
 * touched: such a cell gets the fill only.
 *
 * Three syncs, however many cells: what is there (sheets, record, comments); the fills, notes
 * and comment places of the cells concerned; then the restoring and marking with the new record.
 * Comments (without notes) take a fourth, see addComments.
 */
import type { Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import { splitAddress } from "./address";
import { API, supports, type ExcelHost } from "./host";
import {
  isOurNote,
  MARK_COLORS,
  noteText,
  parseRecord,
  planMarks,
  RECORD_KEY,
  RecordBuilder,
  sameColor,
  type FillState,
  type MarkRecord,
  type PlannedMark,
  type RecordedCell,
} from "./marks-plan";

export type MarkMode = "notes" | "comments" | "fill";

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
  /** Some comments could not be added (a cell with a note this Excel cannot see). */
  commentsFailed?: boolean;
  /** Marks of the previous run taken away first. */
  cleared: ClearResult;
}

export interface ClearResult {
  /** Cells whose fill was put back. */
  restored: number;
  /** Notes and comments of ours deleted. */
  removed: number;
  /** Marked cells the user has re-coloured since: left as the user made them. */
  changedByUser: number;
}

export function markMode(host: Pick<ExcelHost, "isSetSupported">): MarkMode | "unsupported" {
  if (!supports(host, API.fillPattern) || !supports(host, API.settings)) return "unsupported";
  if (supports(host, API.notes)) return "notes";
  if (supports(host, API.comments)) return "comments";
  return "fill";
}

export async function applyMarks(
  host: ExcelHost,
  findings: readonly Finding[],
  lang: Lang = "zh"
): Promise<MarkResult> {
  const mode = markMode(host);
  const empty: ClearResult = { restored: 0, removed: 0, changedByUser: 0 };
  if (mode === "unsupported")
    return {
      mode,
      cells: 0,
      notes: 0,
      userNotesKept: 0,
      gradientsSkipped: 0,
      missingSheets: [],
      cleared: empty,
    };
  const planned = planMarks(findings, lang);
  return host.run((context) => session(context, host, mode, planned));
}

export async function clearMarks(host: ExcelHost): Promise<ClearResult> {
  const mode = markMode(host);
  if (mode === "unsupported") return { restored: 0, removed: 0, changedByUser: 0 };
  return host.run(async (context) => (await session(context, host, mode, null)).cleared);
}

const key = (sheetId: string, cell: string) => `${sheetId}\u0000${cell}`;

function fillState(fill: Excel.RangeFill): FillState {
  return {
    color: fill.color,
    pattern: fill.pattern,
    patternColor: fill.patternColor ?? null,
    tintAndShade: fill.tintAndShade ?? null,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
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

  // Sync 1: the sheets, our record, the comments.
  const sheets = workbook.worksheets.load("items/name,items/id");
  const setting = workbook.settings.getItemOrNullObject(RECORD_KEY).load("value");
  const comments = commentsApi ? workbook.comments.load("items/content") : null;
  await context.sync();

  const previous: MarkRecord | null = setting.isNullObject ? null : parseRecord(setting.value);
  const nameOf = new Map(sheets.items.map((s) => [s.id, s.name] as const));
  const sheetByName = new Map(
    sheets.items.map((s) => [s.name, { id: s.id, name: s.name }] as const)
  );
  const ourComments = (comments?.items ?? []).filter((c) => isOurNote(c.content));
  if (!planned && !previous && !ourComments.length) return result(mode);

  // Sync 2: current fills, notes and comment places of every cell concerned.
  const proxies = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string) => {
    let ws = proxies.get(name);
    if (!ws) proxies.set(name, (ws = workbook.worksheets.getItem(name)));
    return ws;
  };
  const old = (previous?.sheets ?? []).flatMap((s) => {
    const name = nameOf.get(s.id);
    if (name === undefined) return [];
    return s.cells.map((cell: RecordedCell) => {
      const range = sheetProxy(name).getRange(cell.a);
      return {
        sheetId: s.id,
        cell,
        range,
        fill: range.format.fill.load("color,pattern"),
        note:
          cell.n === 1 && notesApi
            ? sheetProxy(name).notes.getItemOrNullObject(cell.a).load("content")
            : null,
      };
    });
  });
  const missingSheets = [
    ...new Set((planned ?? []).filter((p) => !sheetByName.has(p.sheet)).map((p) => p.sheet)),
  ];
  const targets = (planned ?? [])
    .filter((p) => sheetByName.has(p.sheet))
    .map((p) => {
      const range = sheetProxy(p.sheet).getRange(p.cell);
      return {
        mark: p,
        sheet: sheetByName.get(p.sheet)!,
        range,
        // Literal list: the Office lint rules cannot see through a constant.
        fill: range.format.fill.load("color,pattern,patternColor,tintAndShade,patternTintAndShade"),
        note:
          notesApi && p.lines.length
            ? sheetProxy(p.sheet).notes.getItemOrNullObject(p.cell).load("content")
            : null,
      };
    });
  // Where the user's comment threads are matters only when marking (no note goes there).
  const threads = (comments?.items ?? []).map((comment) => {
    const ours = isOurNote(comment.content);
    return { comment, ours, at: planned && !ours ? comment.getLocation().load("address") : null };
  });
  await context.sync();

  // Sync 3: put back what the previous marks replaced, then mark.
  const cleared: ClearResult = { restored: 0, removed: 0, changedByUser: 0 };
  const stillMarked = new Set<string>();
  for (const o of old) {
    if (o.fill.pattern === "Solid" && sameColor(o.fill.color, o.cell.m)) {
      restoreFill(o.range.format.fill, previous!.fills[o.cell.f]);
      stillMarked.add(key(o.sheetId, o.cell.a));
      cleared.restored += 1;
    } else cleared.changedByUser += 1;
    if (o.note && !o.note.isNullObject && isOurNote(o.note.content)) {
      o.note.delete();
      cleared.removed += 1;
    }
  }
  for (const t of threads) {
    if (!t.ours) continue;
    t.comment.delete();
    cleared.removed += 1;
  }
  const userThreads = new Set(
    threads.flatMap((t) => {
      if (!t.at) return [];
      const { sheet, ref } = splitAddress(t.at.address);
      return [`${sheet}\u0000${ref.split(":")[0]}`];
    })
  );
  const out = result(mode, cleared, missingSheets);
  const record = new RecordBuilder();
  const oldByKey = new Map(old.map((o) => [key(o.sheetId, o.cell.a), o] as const));
  const toComment: { range: Excel.Range; text: string }[] = [];
  for (const t of targets) {
    const current = fillState(t.fill);
    if (/Gradient/i.test(current.pattern)) {
      out.gradientsSkipped += 1;
      continue;
    }
    const prior = oldByKey.get(key(t.sheet.id, t.mark.cell));
    // A cell still wearing our previous mark: its original is the one recorded then.
    const original =
      prior && stillMarked.has(key(t.sheet.id, t.mark.cell))
        ? previous!.fills[prior.cell.f]
        : current;
    const color = MARK_COLORS[t.mark.severity];
    // Solid, whatever pattern was there: a clear recognises its own marks by colour and pattern.
    t.range.format.fill.pattern = "Solid";
    t.range.format.fill.color = color;
    out.cells += 1;
    let attached: 1 | 2 | undefined;
    if (t.mark.lines.length && mode !== "fill") {
      const userNote = t.note !== null && !t.note.isNullObject && !isOurNote(t.note.content);
      if (userNote || userThreads.has(`${t.sheet.name}\u0000${t.mark.cell}`))
        out.userNotesKept += 1;
      else if (mode === "notes") {
        workbook.notes.add(t.range, noteText(t.mark.lines));
        attached = 1;
        out.notes += 1;
      } else {
        toComment.push({ range: t.range, text: noteText(t.mark.lines) });
        attached = 2;
      }
    }
    record.add(t.sheet, t.mark.cell, original, color, attached);
  }
  const built = record.build();
  if (built.sheets.length) workbook.settings.add(RECORD_KEY, JSON.stringify(built));
  else if (!setting.isNullObject) setting.delete();
  await context.sync();
  if (toComment.length) await addComments(context, toComment, out);
  return out;
}

/**
 * Comments go last, in a sync of their own: without ExcelApi 1.18 a legacy note cannot be
 * seen, and a comment on a cell that has one fails the rest of its batch. The fills and the
 * record are in by then, and a clear removes whatever comments of ours did get added.
 */
async function addComments(
  context: Excel.RequestContext,
  comments: { range: Excel.Range; text: string }[],
  out: MarkResult
): Promise<void> {
  for (const c of comments) context.workbook.comments.add(c.range, c.text);
  try {
    await context.sync();
    out.notes += comments.length;
  } catch {
    out.commentsFailed = true;
    const all = context.workbook.comments.load("items/content");
    await context.sync();
    out.notes = all.items.filter((c) => isOurNote(c.content)).length;
  }
}

function result(
  mode: MarkMode,
  cleared: ClearResult = { restored: 0, removed: 0, changedByUser: 0 },
  missingSheets: string[] = []
): MarkResult {
  return {
    mode,
    cells: 0,
    notes: 0,
    userNotesKept: 0,
    gradientsSkipped: 0,
    missingSheets,
    cleared,
  };
}
