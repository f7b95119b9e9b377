import { evidenceTally } from "./evidence";

describe("evidenceTally", () => {
  it("says how many rows were counted and left out, in both languages", () => {
    expect(evidenceTally(4, 12)).toEqual({
      zh: "计入 4 行，未计入 12 行",
      en: "4 rows counted, 12 left out",
    });
    expect(evidenceTally(4, 0)).toEqual({ zh: "计入 4 行", en: "4 rows counted" });
    expect(evidenceTally(0, 0)).toEqual({ zh: "计入 0 行", en: "0 rows counted" });
  });

  it("says only what was left out when nothing was counted", () => {
    expect(evidenceTally(0, 2)).toEqual({ zh: "未计入 2 行", en: "2 rows left out" });
  });
});
