import { asRows, bgr, hexOf, toCell, toScalar } from "./values";

describe("Value2 as the engine reads it", () => {
  it("takes a scalar, rows, or one flat row", () => {
    expect(asRows(5, 1, 1)).toEqual([[5]]);
    expect(asRows([[1, 2]], 1, 2)).toEqual([[1, 2]]);
    expect(asRows([1, 2], 1, 2)).toEqual([[1, 2]]);
    expect(asRows([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(asRows(undefined, 2, 2)).toEqual([]);
  });

  it("reads empty as null whatever the bridge passes, errors in every form", () => {
    for (const empty of [undefined, null, ""]) expect(toScalar(empty)).toBeNull();
    expect(toScalar(-2146826281)).toEqual({ error: "#DIV/0!" });
    expect(toScalar(-2146826246)).toEqual({ error: "#N/A" });
    expect(toScalar("#REF!")).toEqual({ error: "#REF!" });
    expect(toScalar(2007)).toBe(2007);
    expect(toScalar(true)).toBe(true);
  });

  it("takes a Date back to its serial, and moves 1904 dates to the 1900 system", () => {
    expect(toScalar(new Date(2024, 2, 1))).toBe(45352);
    expect(toCell(45352 - 1462, undefined, "yyyy-mm-dd", true)).toEqual({
      v: 45352,
      fmt: "yyyy-mm-dd",
    });
    expect(toCell(1200, undefined, "#,##0", true)).toEqual({ v: 1200, fmt: "#,##0" });
  });

  it("keeps a formula only when its text differs from the value", () => {
    expect(toCell(3, "=1+2", undefined, false)).toEqual({ v: 3, f: "1+2" });
    expect(toCell("=x", "=x", "@", false)).toEqual({ v: "=x", fmt: "@" });
  });

  it("converts colours to and from BGR", () => {
    expect(bgr("#FF0000")).toBe(255);
    expect(bgr("#0000FF")).toBe(0xff0000);
    expect(hexOf(bgr("#FFC7CE"))).toBe("#FFC7CE");
  });
});
