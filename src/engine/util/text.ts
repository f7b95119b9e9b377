/** Text normalisation shared by header matching, enumerations and number parsing. */

/** Full-width to half-width (NFKC), trimmed, inner whitespace removed. */
export function compact(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .trim();
}

/** Plain-text form of any cell value, trimmed. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

// One formatter for every figure: toLocaleString with options builds a new one per call,
// which a ledger's worth of findings pays for thousands of times. Made on first use: building
// it loads locale data (10-17 ms), which a thread that formats no figure need not pay.
let figure: Intl.NumberFormat | null = null;

/** Format a number the way a Chinese official document would: thousands separators, up to 2 decimals. */
export function formatNumber(n: number): string {
  figure ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  return figure.format(Math.round(n * 100) / 100);
}

/** Mask an ID number: first 6 and last 4 characters kept. */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return "*".repeat(s.length);
  return s.slice(0, 6) + "*".repeat(s.length - 10) + s.slice(-4);
}
