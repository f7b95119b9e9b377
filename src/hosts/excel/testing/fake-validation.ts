/**
 * range.dataValidation of the fake (ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation): a rule and an error
 * alert over a range, kept per sheet. As in Excel, a protected sheet refuses it, and setting a
 * rule on a range replaces what covered it.
 */
import type { RangePos } from "../../../engine/util/address";
import { FakeError } from "./fake-doc";
import { RangePart, type RangeTarget } from "./fake-format";

export const VALIDATION_API = "1.8";

export interface ValidationData {
  range: RangePos;
  rule: Excel.DataValidationRule | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
}

const same = (a: RangePos, b: RangePos) =>
  a.start.row === b.start.row &&
  a.start.col === b.start.col &&
  a.end.row === b.end.row &&
  a.end.col === b.end.col;

export class FakeDataValidation
  extends RangePart<RangeTarget>
  implements Pick<Excel.DataValidation, "rule" | "errorAlert">
{
  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }
  set rule(v: Excel.DataValidationRule) {
    this.put("rule", v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.put("errorAlert", v);
  }

  private requireApi(): void {
    const observer = this.context.observer;
    if (observer.supports && !observer.supports(VALIDATION_API))
      throw new FakeError("ApiNotFound", `fake: dataValidation needs ExcelApi ${VALIDATION_API}`);
  }

  protected read(t: RangeTarget, property: string): unknown {
    this.requireApi();
    const found = (t.sheet.validations ?? []).find((v) => same(v.range, t.range));
    if (property === "rule") return found?.rule ?? null;
    if (property === "errorAlert") return found?.errorAlert ?? null;
    throw new FakeError("PropertyNotFound", `fake: DataValidation.${property}`);
  }

  protected override write(t: RangeTarget, property: string, value: unknown): void {
    this.requireApi();
    this.doc.assertEditable(t.sheet);
    if (property !== "rule" && property !== "errorAlert") super.write(t, property, value);
    const list = (t.sheet.validations ??= []);
    let entry = list.find((v) => same(v.range, t.range));
    if (!entry) {
      entry = { range: t.range, rule: null, errorAlert: null };
      list.push(entry);
    }
    if (property === "rule") entry.rule = value as Excel.DataValidationRule;
    else entry.errorAlert = value as Excel.DataValidationErrorAlert;
  }
}
