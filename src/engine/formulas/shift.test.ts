import { shiftFormula } from "./shift";

describe("shiftFormula", () => {
  it("shifts relative references by the fill offset", () => {
    expect(shiftFormula("A1+B2*C3", 1, 0)).toBe("A2+B3*C4");
    expect(shiftFormula("SUM(A1:B2)", 0, 2)).toBe("SUM(C1:D2)");
  });

  it("keeps $-anchored parts in place", () => {
    expect(shiftFormula("$A$1+$A1+A$1", 2, 2)).toBe("$A$1+$A3+C$1");
  });

  it("moves whole columns only sideways and whole rows only down, unless anchored", () => {
    expect(shiftFormula("SUM(F:F)+SUM(2:2)", 3, 0)).toBe("SUM(F:F)+SUM(5:5)");
    expect(shiftFormula("SUM(F:F)+SUM(2:2)", 0, 1)).toBe("SUM(G:G)+SUM(2:2)");
    // The template's budget formula filled down one row: only the criterion cell moves.
    expect(shiftFormula("SUMIFS(支出台账!$F:$F,支出台账!$C:$C,$A2)", 1, 0)).toBe(
      "SUMIFS(支出台账!$F:$F,支出台账!$C:$C,$A3)"
    );
  });

  it("does not touch string literals, function names that look like cells, or structured references", () => {
    expect(shiftFormula('IF(A1="B2",LOG10(A1),ATAN2(A1,B1))', 1, 0)).toBe(
      'IF(A2="B2",LOG10(A2),ATAN2(A2,B2))'
    );
    expect(shiftFormula("SUMIFS(Ledger[金额],Ledger[类别],[@类别])", 3, 0)).toBe(
      "SUMIFS(Ledger[金额],Ledger[类别],[@类别])"
    );
  });

  it("shifts sheet-qualified references, quoted or not, without touching the sheet name", () => {
    expect(shiftFormula("Sheet2!A1+'支出 台账'!B2+台账!C3", 1, 0)).toBe(
      "Sheet2!A2+'支出 台账'!B3+台账!C4"
    );
  });

  it("gives #REF! for a reference shifted off the sheet", () => {
    expect(shiftFormula("A1+1", -1, 0)).toBe("#REF!+1");
    expect(shiftFormula("XFD1", 0, 1)).toBe("#REF!");
    expect(shiftFormula("A1048576", 1, 0)).toBe("#REF!");
  });

  it("stays linear on text of many '[' (a hostile shared formula)", () => {
    const f = "[a".repeat(4_000) + "+A1";
    const t0 = Date.now();
    for (let i = 0; i < 50; i += 1) expect(shiftFormula(f, 1, 0).endsWith("+A2")).toBe(true);
    // Quadratic, this took seconds per call; linear, the fifty calls take milliseconds.
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
