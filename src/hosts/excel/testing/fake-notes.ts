/**
 * Notes and threaded comments of the fake. A cell holds a note or a comment thread, never both,
 * as in Excel. Notes come as the workbook's collection (full addresses) or a sheet's (plain
 * "A1" keys, as Office.js's own samples use them).
 */
import {
  FakeDocument,
  FakeError,
  newId,
  type CommentData,
  type NoteData,
  type SheetData,
} from "./fake-doc";
import { parseA1 } from "../../../engine/util/address";
import { FakeCollection, FakeContext, FakeObject } from "./fake-proxy";
import { FakeRange, type RangeTarget } from "./fake-range";

type Scope = () => SheetData | null;

/**
 * "'Sheet'!B3" or a Range proxy -> sheet and cell. Notes and comments go on one cell: a larger
 * range fails, with InvalidCellAddress for notes.add ("If the string is invalid, or the range is
 * not a single cell, an InvalidCellAddress error is thrown",
 * https://learn.microsoft.com/javascript/api/excel/excel.notecollection#excel-excel-notecollection-add-member(1))
 * and InvalidArgument for comments.add ("An InvalidArgument error is thrown if the provided
 * range is larger than one cell",
 * https://learn.microsoft.com/javascript/api/excel/excel.commentcollection#excel-excel-commentcollection-add-member(1)).
 */
function cellTarget(
  doc: FakeDocument,
  address: FakeRange | string,
  scope: Scope | undefined,
  tooLarge: string
): { sheet: SheetData; row: number; col: number } {
  if (address instanceof FakeRange) {
    const t: RangeTarget | null = address.resolve();
    if (!t) throw new FakeError("InvalidObjectPath", "fake: null range");
    if (t.range.start.row !== t.range.end.row || t.range.start.col !== t.range.end.col)
      throw new FakeError(tooLarge, "fake: a note or comment goes on a single cell");
    return { sheet: t.sheet, row: t.range.start.row, col: t.range.start.col };
  }
  const bang = address.lastIndexOf("!");
  let name = address.slice(0, bang);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  const sheet = bang > 0 ? doc.sheet(name) : (scope?.() ?? undefined);
  const ref = address.slice(bang + 1).replace(/\$/g, "");
  const [first, second] = ref.split(":");
  const pos = parseA1(first);
  if (second !== undefined && second.toUpperCase() !== first.toUpperCase())
    throw new FakeError(tooLarge, "fake: a note or comment goes on a single cell");
  if (!sheet || !pos)
    throw new FakeError("InvalidArgument", `fake: not a full cell address: ${address}`);
  return { sheet, ...pos };
}

abstract class FakeAnnotation<T extends NoteData> extends FakeObject<T> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    resolver: () => T | null,
    queued = true
  ) {
    super(context, resolver, queued);
  }
  get content(): string {
    return this.get("content");
  }
  get authorName(): string {
    return this.get("authorName");
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      this.doc,
      () => {
        const n = this.live();
        const at = { row: n.row, col: n.col };
        return { sheet: n.sheet, range: { start: at, end: { ...at } } };
      },
      true
    ).at({ kind: "method", name: "GetLocation", args: [], parent: this });
  }
  protected read(n: T, property: string): unknown {
    if (property === "content" || property === "authorName") return n[property];
    if (property === "id" && "id" in n) return (n as unknown as CommentData).id;
    throw new FakeError("PropertyNotFound", `fake: ${this.constructor.name}.${property}`);
  }
}

class FakeNote
  extends FakeAnnotation<NoteData>
  implements Pick<Excel.Note, "content" | "authorName">
{
  delete(): void {
    this.call((n) => {
      this.doc.assertEditable(n.sheet);
      this.doc.notes = this.doc.notes.filter((x) => x !== n);
    }, "Delete");
  }
}

class FakeComment
  extends FakeAnnotation<CommentData>
  implements Pick<Excel.Comment, "id" | "content" | "authorName">
{
  get id(): string {
    return this.get("id");
  }
  delete(): void {
    this.call((c) => {
      this.doc.assertEditable(c.sheet);
      this.doc.comments = this.doc.comments.filter((x) => x !== c);
    }, "Delete");
  }
}

/** A cell holds a note or a comment thread, never both (as in Excel). */
function assertFree(doc: FakeDocument, at: { sheet: SheetData; row: number; col: number }) {
  if (doc.noteAt(at.sheet, at.row, at.col) || doc.commentAt(at.sheet, at.row, at.col))
    throw new FakeError("InvalidOperation", "fake: the cell already has a note or comment");
}

export class FakeNotes extends FakeCollection<NoteData, FakeNote> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument,
    /** A worksheet's notes: keys are plain addresses on that sheet. */
    private readonly scope?: Scope
  ) {
    super(
      context,
      () => {
        if (!scope) return doc.notes;
        const sheet = scope();
        return sheet ? doc.notes.filter((n) => n.sheet === sheet) : null;
      },
      false
    );
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    return new FakeNote(this.context, this.doc, () => {
      const at = cellTarget(this.doc, cellAddress, this.scope, "InvalidCellAddress");
      this.doc.assertEditable(at.sheet);
      assertFree(this.doc, at);
      const note: NoteData = { ...at, content: String(content), authorName: "Add-in" };
      this.doc.notes.push(note);
      return note;
    }).at({ kind: "method", name: "Add", args: [cellAddress, content], parent: this, eager: true });
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.doc, () => {
      const at = cellTarget(this.doc, key, this.scope, "InvalidCellAddress");
      return this.doc.noteAt(at.sheet, at.row, at.col) ?? null;
    }).at({ kind: "method", name: "GetItemOrNullObject", args: [key], parent: this });
  }

  protected wrap(item: NoteData): FakeNote {
    return new FakeNote(this.context, this.doc, () => item, false);
  }
}

export class FakeComments extends FakeCollection<CommentData, FakeComment> {
  constructor(
    context: FakeContext,
    readonly doc: FakeDocument
  ) {
    super(context, () => doc.comments, false);
  }

  add(cellAddress: FakeRange | string, content: string): FakeComment {
    return new FakeComment(this.context, this.doc, () => {
      const at = cellTarget(this.doc, cellAddress, undefined, "InvalidArgument");
      this.doc.assertEditable(at.sheet);
      assertFree(this.doc, at);
      const comment: CommentData = {
        ...at,
        id: newId("comment"),
        content: String(content),
        authorName: "Add-in",
      };
      this.doc.comments.push(comment);
      return comment;
    }).at({
      kind: "method",
      name: "Add",
      args: [cellAddress, content, null],
      parent: this,
      eager: true,
    });
  }

  getItemOrNullObject(id: string): FakeComment {
    return new FakeComment(
      this.context,
      this.doc,
      () => this.doc.comments.find((c) => c.id === id) ?? null
    ).at({ kind: "method", name: "GetItemOrNullObject", args: [id], parent: this });
  }

  protected wrap(item: CommentData): FakeComment {
    return new FakeComment(this.context, this.doc, () => item, false);
  }
}
