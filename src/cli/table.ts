/**
 * A plain-text table for the terminal. Chinese characters take two columns on a terminal
 * (East Asian Wide, Unicode UAX #11), so widths are counted that way, not by string length.
 */

/** Display width of a string on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Header, a rule, then the rows; columns in `numeric` are right-aligned. */
export function table(header: string[], rows: string[][], numeric: number[] = []): string[] {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? "")))
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c ?? "", widths[i], numeric.includes(i)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((wd) => "─".repeat(wd)).join("  "), ...rows.map(line)];
}
