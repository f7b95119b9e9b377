import { printable } from "./printable";

describe("printable", () => {
  const E = "\u001b]0;pwned\u0007\u001b[2J";
  it("removes escape sequences with what they carry, and other control characters", () => {
    expect(printable(`a${E}b\u0000c\u009bd\u007fe`, false)).toBe("abcde");
    expect(printable(`name\u001b[31m.xlsx`, false)).toBe("name.xlsx");
  });
  it("keeps line feeds, tabs and carriage returns, and colour codes only when colouring", () => {
    expect(printable("1\n2\t3\r4", false)).toBe("1\n2\t3\r4");
    expect(printable("\u001b[1;31m错误\u001b[0m", true)).toBe("\u001b[1;31m错误\u001b[0m");
    expect(printable("\u001b[1;31m错误\u001b[0m", false)).toBe("错误");
    // A colour code is the only escape kept: a title or a screen clear goes even then.
    expect(printable(`x${E}y`, true)).toBe("xy");
  });
  it("returns text without control characters as it is", () => {
    const json = JSON.stringify({ a: "\u001b[2J" }, null, 2);
    expect(printable(json, false)).toBe(json);
  });
});
