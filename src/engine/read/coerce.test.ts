import { ENUMS } from "../contract/enums";
import {
  parseDateText,
  parseNumberText,
  readDate,
  readEnum,
  readMonth,
  readNumber,
} from "./coerce";

// Serials worked out by hand: 2024-01-01 is 45292, so 2024-03-01 (after 31 + 29 days) is 45352.
const MAR_1_2024 = 45352;
const MAR_5_2024 = 45356;

describe("numbers", () => {
  it.each([
    ["1,200.00", 1200],
    ["１２００", 1200],
    ["¥1200", 1200],
    ["￥1,200", 1200],
    ["1200元", 1200],
    ["(1200)", -1200],
    [" 12.5 ", 12.5],
  ])("reads %p as %p", (text, n) => {
    expect(parseNumberText(text)).toBe(n);
  });

  it.each(["abc", "12abc", "1.2.3", ""])("rejects %p", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it("says when a number came from text, and reports unreadable values without throwing", () => {
    expect(readNumber(1200)).toEqual({ kind: "ok", value: 1200 });
    expect(readNumber("1,200.00")).toEqual({ kind: "ok", value: 1200, coerced: "text-number" });
    expect(readNumber("abc")).toEqual({ kind: "bad", raw: "abc" });
    expect(readNumber({ error: "#N/A" })).toEqual({ kind: "bad", raw: "#N/A" });
    expect(readNumber("  ")).toEqual({ kind: "blank" });
  });
});

describe("dates", () => {
  it.each(["2024/3/5", "2024-03-05", "2024年3月5日", "20240305", "２０２４／３／５"])(
    "reads %p as 2024-03-05",
    (text) => {
      expect(parseDateText(text)).toBe(MAR_5_2024);
    }
  );

  it.each(["2024-02-30", "2023-02-29", "2024-13-01", "3/5/2024", "soon"])("rejects %p", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("accepts serials (dropping a time of day) as they are, and text with a coercion note", () => {
    expect(readDate(MAR_5_2024)).toEqual({ kind: "ok", value: MAR_5_2024 });
    expect(readDate(MAR_5_2024 + 0.75)).toEqual({ kind: "ok", value: MAR_5_2024 });
    expect(readDate("2024-03-05")).toEqual({ kind: "ok", value: MAR_5_2024, coerced: "text-date" });
    expect(readDate(-3).kind).toBe("bad");
    expect(readDate("2024-02-30")).toEqual({ kind: "bad", raw: "2024-02-30" });
    expect(readDate(true).kind).toBe("bad");
  });
});

describe("readMonth", () => {
  const MAY_2024 = 2024 * 12 + 4;
  it.each(["2024-05", "2024/5", "2024年5月", "202405", "2024-05-17"])(
    "reads %p as May 2024",
    (text) => {
      expect(readMonth(text)).toMatchObject({ kind: "ok", value: MAY_2024 });
    }
  );

  it("reads a date serial as its month and rejects month 13", () => {
    expect(readMonth(MAR_1_2024)).toMatchObject({ kind: "ok", value: 2024 * 12 + 2 });
    expect(readMonth("2024-13").kind).toBe("bad");
  });
});

describe("readEnum", () => {
  it("takes an exact value as is", () => {
    expect(readEnum("专职", ENUMS.employment)).toEqual({ kind: "ok", value: "专职" });
  });

  it("reads a value with stray spaces and says so", () => {
    expect(readEnum(" 服务性 支出 ", ENUMS.category)).toEqual({
      kind: "ok",
      value: "服务性支出",
      coerced: "spaces",
    });
  });

  it("maps a synonym to its canonical value and says so", () => {
    expect(readEnum("社会工作师", ENUMS.certLevel)).toEqual({
      kind: "ok",
      value: "中级",
      coerced: "synonym",
    });
    expect(readEnum("人员经费 ", ENUMS.category)).toEqual({
      kind: "ok",
      value: "人力成本",
      coerced: "synonym",
    });
  });

  it("rejects an unknown value and leaves a blank cell blank", () => {
    expect(readEnum("办公费", ENUMS.category)).toEqual({ kind: "bad", raw: "办公费" });
    expect(readEnum(null, ENUMS.category)).toEqual({ kind: "blank" });
  });
});
