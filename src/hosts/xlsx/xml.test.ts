import { decode } from "./xml";
import { WorkbookReadError } from "./errors";

describe("decode", () => {
  it("calls text that is no XML in the encoding its first bytes declare damaged", () => {
    // A UTF-16 byte order mark before UTF-8 text: decoded as UTF-16 it is no XML at all.
    const bytes = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode("<workbook/>")]);
    expect(() => decode(bytes)).toThrow(WorkbookReadError);
    // A UTF-8 byte order mark and blanks before the first tag are fine (the mark is dropped).
    expect(decode(new TextEncoder().encode("\ufeff  <a/>"))).toBe("  <a/>");
    expect(decode(new Uint8Array(0))).toBe("");
  });
});
