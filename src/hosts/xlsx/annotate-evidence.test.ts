import { masked } from "./annotate-evidence";

describe("the record line of 汇总-依据", () => {
  it("masks ID numbers, whole or typed in groups, keeping the first 6 and last 4", () => {
    expect(masked("甲 · 65312119880512123X · 主管")).toBe("甲 · 653121********123X · 主管");
    expect(masked("653121 19880512 1234")).toBe("653121********1234");
    expect(masked("653121-1988-0512-123x")).toBe("653121********123x");
  });

  it("leaves dates, vouchers and amounts alone", () => {
    const line = "2024-03-15 · 记-202403-002 · 人力成本 · 4,500 · 20240315001";
    expect(masked(line)).toBe(line);
  });
});
