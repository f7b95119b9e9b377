/**
 * Data validation of the fake ranges (fake-range.ts), as Excel's object model behaves and WPS
 * copies (https://learn.microsoft.com/office/vba/api/excel.validation.add): Add makes the
 * range's rule and fails where the range already has one (Excel's run-time error 1004: the
 * usual code deletes first); the properties (InCellDropdown, ErrorTitle …) are read and set on
 * a rule that is there, and fail on a range without one; a protected sheet refuses every change.
 */
import { rangeA1, type RangePos } from "../../../engine/util/address";
import type { Validation } from "../et";
import { ComError, type FakeRange } from "./fake-range";

export interface FakeValidation {
  at: RangePos;
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2?: string;
  inCellDropdown: boolean;
  ignoreBlank: boolean;
  showError: boolean;
  errorTitle: string;
  errorMessage: string;
}

const overlaps = (a: RangePos, b: RangePos) =>
  a.start.row <= b.end.row &&
  b.start.row <= a.end.row &&
  a.start.col <= b.end.col &&
  b.start.col <= a.end.col;

/** Et.EtXlDVType's values: xlValidateInputOnly (0) .. xlValidateCustom (7). */
const TYPES = new Set([0, 1, 2, 3, 4, 5, 6, 7]);

type Settable = "inCellDropdown" | "ignoreBlank" | "showError" | "errorTitle" | "errorMessage";

export function validationOf(range: FakeRange): Validation {
  const sheet = range.sheet;
  /** The rule covering the whole range (Excel reads a property of one rule only). */
  const rule = (): FakeValidation => {
    const found = sheet.validations.find(
      (v) =>
        v.at.start.row <= range.at.start.row &&
        range.at.end.row <= v.at.end.row &&
        v.at.start.col <= range.at.start.col &&
        range.at.end.col <= v.at.end.col
    );
    if (!found) throw new ComError(`Validation (${rangeA1(range.at)}): 没有数据有效性`);
    return found;
  };
  const set = <K extends Settable>(key: K, value: FakeValidation[K]) => {
    sheet.assertEditable();
    rule()[key] = value;
  };
  return {
    Add(
      type?: unknown,
      alertStyle?: unknown,
      operator?: unknown,
      formula1?: unknown,
      formula2?: unknown
    ) {
      sheet.assertEditable();
      const t = Number(type);
      if (!TYPES.has(t)) throw new ComError(`Validation.Add: Type ${String(type)}`);
      if (sheet.validations.some((v) => overlaps(v.at, range.at)))
        throw new ComError(`Validation.Add (${rangeA1(range.at)}): 已有数据有效性`);
      if (t !== 0 && (formula1 === undefined || formula1 === ""))
        throw new ComError("Validation.Add: Formula1 is required");
      sheet.validations.push({
        at: range.at,
        type: t,
        alertStyle: alertStyle === undefined ? 1 : Number(alertStyle),
        operator: operator === undefined ? 1 : Number(operator),
        formula1: String(formula1 ?? ""),
        ...(formula2 === undefined ? {} : { formula2: String(formula2) }),
        inCellDropdown: true,
        ignoreBlank: true,
        showError: true,
        errorTitle: "",
        errorMessage: "",
      });
    },
    get InCellDropdown() {
      return rule().inCellDropdown;
    },
    set InCellDropdown(v: boolean) {
      set("inCellDropdown", Boolean(v));
    },
    get IgnoreBlank() {
      return rule().ignoreBlank;
    },
    set IgnoreBlank(v: boolean) {
      set("ignoreBlank", Boolean(v));
    },
    get ShowError() {
      return rule().showError;
    },
    set ShowError(v: boolean) {
      set("showError", Boolean(v));
    },
    get ErrorTitle() {
      return rule().errorTitle;
    },
    set ErrorTitle(v: string) {
      // Excel limits the title to 32 characters and the message to 255.
      if (String(v).length > 32) throw new ComError("Validation.ErrorTitle: too long");
      set("errorTitle", String(v));
    },
    get ErrorMessage() {
      return rule().errorMessage;
    },
    set ErrorMessage(v: string) {
      if (String(v).length > 255) throw new ComError("Validation.ErrorMessage: too long");
      set("errorMessage", String(v));
    },
  };
}
