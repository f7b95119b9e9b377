/**
 * Named items of the fake: workbook.names holds the workbook-scoped names, worksheet.names a
 * sheet's own (Office.js, ExcelApi 1.4), each with name and formula as Office.js reports them.
 */
import { FakeError, type FakeDocument, type NameData, type SheetData } from "./fake-doc";
import { FakeCollection, FakeContext, FakeObject } from "./fake-proxy";

/** Workbook-scoped names (workbook.names), or one sheet's own (worksheet.names) when given its sheet. */
export class FakeNames extends FakeCollection<NameData, FakeNamedItem> {
  constructor(context: FakeContext, doc: FakeDocument, sheet?: () => SheetData | null) {
    super(
      context,
      () => {
        if (!sheet) return doc.names.filter((n) => !n.scope);
        const owner = sheet();
        return owner ? doc.names.filter((n) => n.scope === owner) : null;
      },
      false
    );
  }
  protected wrap(item: NameData): FakeNamedItem {
    return new FakeNamedItem(this.context, () => item, false);
  }
}

export class FakeNamedItem
  extends FakeObject<NameData>
  implements Pick<Excel.NamedItem, "name" | "formula" | "type" | "visible">
{
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get type(): Excel.NamedItem["type"] {
    return this.get("type");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  protected read(n: NameData, property: string): unknown {
    if (
      property === "name" ||
      property === "formula" ||
      property === "type" ||
      property === "visible"
    )
      return n[property];
    throw new FakeError("PropertyNotFound", `fake: NamedItem.${property}`);
  }
}
