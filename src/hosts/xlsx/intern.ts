/**
 * One object for every formula-less cell of a sheet that holds the same value in the same
 * number format. A ledger repeats its categories, dates, amounts and payees thousands of
 * times; at 50,000 rows sharing them saves a quarter of a million cell objects, which the
 * garbage collector would otherwise copy and promote. The model is read-only (nothing writes
 * to a CellModel after reading), so a shared object is indistinguishable from copies.
 */
import type { CellModel } from "../../engine/model";

/** Distinct numbers remembered per format: dates and amounts repeat, unique figures are not worth a table. */
const MAX_NUMBERS = 4096;

export class CellInterner {
  private readonly strings = new Map<string | undefined, (CellModel | undefined)[]>();
  private readonly numbers = new Map<string | undefined, Map<number, CellModel>>();

  /** The cell of shared string number `index` (text `v`) in format `fmt` (undefined: General). */
  sharedString(index: number, v: string, fmt: string | undefined): CellModel {
    let byIndex = this.strings.get(fmt);
    if (!byIndex) this.strings.set(fmt, (byIndex = []));
    return (byIndex[index] ??= fmt === undefined ? { v } : { v, fmt });
  }

  number(v: number, fmt: string | undefined): CellModel {
    let byValue = this.numbers.get(fmt);
    if (!byValue) this.numbers.set(fmt, (byValue = new Map()));
    const known = byValue.get(v);
    // -0 shares a key with 0 in a Map: it keeps an object of its own.
    if (known && !Object.is(v, -0)) return known;
    const cell: CellModel = fmt === undefined ? { v } : { v, fmt };
    if (byValue.size < MAX_NUMBERS && !Object.is(v, -0)) byValue.set(v, cell);
    return cell;
  }
}
