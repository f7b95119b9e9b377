/**
 * A finding's fingerprint (review-cycle.md section 2): rule ID, location and figures, hashed
 * with SHA-256, the first 16 hex characters. A review row holds for the figures it was given
 * for: when they change, so does the fingerprint, and the finding is open again. SHA-256 in
 * plain JavaScript (@noble/hashes), so the browser and the Web Worker compute the same value
 * synchronously; the CLI hands in Node's own, faster (useSha256).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CrossFinding, Figures, Finding } from "../findings";
import { whereText } from "../read/describe-needs";

/**
 * Figures of pace (section 3) left out: they move every month while the problem stays what it
 * was. Evidence (section 4) is not a figure, so it never enters.
 */
export const PACE_FIGURES: ReadonlySet<string> = new Set([
  "projected",
  "headroom",
  "crossMonth",
  "neededPerMonth",
]);

/**
 * Where a finding is, as 位置 holds it: "sheet!A1" when it names a cell or range, else the
 * sheet, column or named value in the template's words ("人员 · 证书等级"), never by language.
 */
export function findingLocation(f: Pick<Finding, "sheet" | "cell" | "target">): string {
  if (f.cell) return `${f.sheet ?? ""}!${f.cell}`;
  if (f.target) return whereText(f.target, "zh");
  return f.sheet ?? "";
}

/** A number rounded to 0.01 and written with exactly two decimals, never "-0.00"; text quoted. */
export function figureText(v: number | string): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (!Number.isFinite(v)) return String(v);
  // Half away from zero, so that a refund rounds as its amount does.
  const abs = Math.round(Math.abs(v) * 100);
  if (abs === 0) return "0.00";
  const cents = v < 0 ? -abs : abs;
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The text that is hashed: one line each for rule and location, then the figures by key. */
export function fingerprintText(rule: string, location: string, figures: Figures = {}): string {
  const keys = Object.keys(figures)
    .filter((k) => !PACE_FIGURES.has(k) && figures[k] !== undefined && figures[k] !== null)
    .sort();
  return [rule, location, ...keys.map((k) => `${k}=${figureText(figures[k])}`)].join("\n");
}

let sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * A host's own SHA-256 (hex of the UTF-8 text), when it has a faster one: the CLI gives Node's,
 * some ten times faster on a workbook with a finding per ledger row. The same digest either way.
 */
export function useSha256(fn: (text: string) => string): void {
  sha256Hex = fn;
}

export function hash16(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

export function fingerprintOf(f: Pick<Finding, "rule" | "sheet" | "cell" | "target" | "figures">) {
  return hash16(fingerprintText(f.rule, findingLocation(f), f.figures));
}

/**
 * A cross-project finding's fingerprint: its places (file name without folder, sheet, cell)
 * sorted, so it does not depend on where the files were kept. No review row applies to one.
 */
export function crossFingerprintOf(f: Pick<CrossFinding, "rule" | "refs" | "figures">): string {
  const places = f.refs
    .map((r) => `${r.file.split(/[\\/]/).pop()}|${r.sheet ?? ""}!${r.cell ?? ""}`)
    .sort()
    .join(";");
  return hash16(fingerprintText(f.rule, places, f.figures));
}
