/** Bilingual text: Chinese first, English available. */
import { formatNumber } from "./util/text";

export interface Text {
  zh: string;
  en: string;
}

export type Lang = "zh" | "en";

export type Params = Record<string, string | number | undefined>;

/** Fill {name} placeholders; numbers get thousands separators. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    if (v === undefined) return `{${key}}`;
    if (typeof v === "number") return formatFigure(v);
    return v;
  });
}

export function fillText(text: Text, params: Params = {}): Text {
  return { zh: fill(text.zh, params), en: fill(text.en, params) };
}

function formatFigure(n: number): string {
  return Number.isFinite(n) ? formatNumber(n) : String(n);
}

export function t(zh: string, en: string): Text {
  return { zh, en };
}
