/**
 * worksheet.freezePanes in the fake (ExcelApi 1.7,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes): freezeRows
 * keeps the top rows in view; "count: the number of rows to freeze, or zero to unfreeze".
 * An Excel without 1.7 fails the request (ApiNotFound), and so does the fake; a count that
 * is not a whole number from 0 to the sheet's rows fails the sync (InvalidArgument).
 */
import { FakeError, MAX_ROWS, type SheetData } from "./fake-doc";
import { FakeContext, FakeObject } from "./fake-proxy";

const API = "1.7";

export class FakeFreezePanes extends FakeObject<SheetData> {
  constructor(context: FakeContext, resolver: () => SheetData | null) {
    super(context, resolver, false);
  }

  freezeRows(count = 1): void {
    this.call(
      (sheet) => {
        if (this.context.observer.supports && !this.context.observer.supports(API))
          throw new FakeError("ApiNotFound", `fake: worksheet.freezePanes needs ExcelApi ${API}`);
        if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
          throw new FakeError("InvalidArgument", `fake: cannot freeze ${count} rows`);
        sheet.frozenRows = count;
      },
      "FreezeRows",
      [count]
    );
  }

  unfreeze(): void {
    this.call((sheet) => {
      sheet.frozenRows = 0;
    }, "Unfreeze");
  }

  protected read(_sheet: SheetData, property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: WorksheetFreezePanes.${property}`);
  }
}
