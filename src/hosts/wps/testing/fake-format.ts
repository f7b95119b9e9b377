/**
 * Cell formats of the fake ranges (fake-range.ts): Interior and Font as Excel's object model
 * behaves, which WPS copies. A range of several cells reports null for a property its cells
 * do not share; setting Interior.Color makes the pattern solid; xlPatternNone (or ColorIndex
 * xlNone) takes the fill away whole (https://learn.microsoft.com/office/vba/api/excel.interior).
 */
import { XL_PATTERN, type Font, type Interior } from "../et";
import { ComError, type FakeRange } from "./fake-range";

export interface FakeInterior {
  Color: number;
  Pattern: number;
  PatternColor: number;
  TintAndShade: number;
  PatternTintAndShade: number;
  ColorIndex: number;
}

/** What an untouched cell reports: white, no pattern (Excel reports the same). */
export const NO_FILL: FakeInterior = {
  Color: 16777215,
  Pattern: XL_PATTERN.none,
  PatternColor: 0,
  TintAndShade: 0,
  PatternTintAndShade: 0,
  ColorIndex: -4142,
};

export function interiorOf(range: FakeRange): Interior {
  const get = (key: keyof FakeInterior) => commonInterior(range, key);
  const set = (key: keyof FakeInterior, value: unknown) => setInterior(range, key, value);
  return {
    get Color() {
      return get("Color");
    },
    set Color(v) {
      set("Color", v);
    },
    get Pattern() {
      return get("Pattern");
    },
    set Pattern(v) {
      set("Pattern", v);
    },
    get PatternColor() {
      return get("PatternColor");
    },
    set PatternColor(v) {
      set("PatternColor", v);
    },
    get TintAndShade() {
      return get("TintAndShade");
    },
    set TintAndShade(v) {
      set("TintAndShade", v);
    },
    get PatternTintAndShade() {
      return get("PatternTintAndShade");
    },
    set PatternTintAndShade(v) {
      set("PatternTintAndShade", v);
    },
    get ColorIndex() {
      return get("ColorIndex");
    },
    set ColorIndex(v) {
      set("ColorIndex", v);
    },
  };
}

function commonInterior(range: FakeRange, key: keyof FakeInterior): number | null {
  const values: number[] = [];
  const { start, end } = range.at;
  for (let r = start.row; r <= end.row; r += 1)
    for (let c = start.col; c <= end.col; c += 1)
      values.push((range.sheet.peek(r, c)?.interior ?? NO_FILL)[key]);
  return values.every((v) => v === values[0]) ? values[0] : null;
}

/**
 * Excel's rules for the fill properties: a colour makes the pattern solid; xlPatternNone (or
 * ColorIndex xlNone) takes the fill away whole.
 */
function setInterior(range: FakeRange, key: keyof FakeInterior, value: unknown): void {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ComError(`Interior.${key}: a number expected`);
  range.sheet.assertEditable();
  const { start, end } = range.at;
  for (let r = start.row; r <= end.row; r += 1)
    for (let c = start.col; c <= end.col; c += 1) {
      const cell = range.sheet.cell(r, c);
      const fill = { ...(cell.interior ?? NO_FILL) };
      if ((key === "Pattern" || key === "ColorIndex") && n === XL_PATTERN.none) {
        delete cell.interior;
        continue;
      }
      fill[key] = n;
      if (key === "Color" && fill.Pattern === XL_PATTERN.none) fill.Pattern = XL_PATTERN.solid;
      if (key === "Color") fill.ColorIndex = 0;
      cell.interior = fill;
    }
}

export function fontOf(range: FakeRange): Font {
  return {
    get Color() {
      return range.common((c) => c?.fontColor ?? 0);
    },
    set Color(v: unknown) {
      range.write((c) => (c.fontColor = Number(v)));
    },
    get Bold() {
      return range.common((c) => c?.bold ?? false);
    },
    set Bold(v: unknown) {
      range.write((c) => (c.bold = Boolean(v)));
    },
  };
}
