import { ENUMS } from "../contract/enums";
import {
  parseDateText,
  parseNumberText,
  readCode,
  readDate,
  readEnum,
  readMonth,
  readNumber,
  readText,
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

  it("says when a month was typed as a whole date or date-time", () => {
    expect(readMonth("2024-05-01 00:00:00")).toEqual({
      kind: "ok",
      value: 2024 * 12 + 4,
      coerced: "text-date",
    });
    expect(readMonth("2024-05")).toEqual({ kind: "ok", value: 2024 * 12 + 4 });
  });

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

describe("what clerks type", () => {
  it.each([
    ["16万元", 160_000],
    ["16万", 160_000],
    ["1.6万元", 16_000],
    ["16.55万元", 165_500],
    ["壹拾陆万元整", 160_000],
    ["十六万元", 160_000],
    ["叁仟伍佰元伍角", 3_500.5],
    ["贰拾万零伍佰元整", 200_500],
    ["负肆佰元整", -400],
    ["二十", 20],
    ["三千六", 3_600],
    ["一万二", 12_000],
    ["三百五", 350],
    ["一百零六", 106],
    ["十六", 16],
    ["人民币1,200.00元", 1200],
  ])("reads the amount %p as %p", (text, n) => {
    expect(parseNumberText(text)).toBe(n);
  });

  it.each(["一二三", "万", "十六万元多", "约二十", "16万万"])("rejects %p", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it.each([
    "2024-03-05 00:00:00",
    "2024/3/5 0:00",
    "2024/3/5 14:30",
    "2024-03-05T00:00:00",
    "2024-03-05 00:00:00.000",
    "2024年3月5日 8时",
    "2024年3月5日 上午 9:00",
  ])("reads the date part of the date-time %p", (text) => {
    expect(parseDateText(text)).toBe(MAR_5_2024);
  });

  it("does not take a date with a time glued to its day for another day", () => {
    // "2024/5/1 10:00" is the 1st, not the 11th.
    expect(parseDateText("2024/5/1 10:00")).toBe(parseDateText("2024-05-01"));
  });

  it.each(["无", "否", "没有", "暂无", "空", "/", "-", "—", "——", "N/A", "na", " 无。", "／"])(
    "reads the placeholder %p in a text, number or date field as blank",
    (text) => {
      expect(readText(text)).toEqual({ kind: "blank", placeholder: text.trim() });
      expect(readNumber(text).kind).toBe("blank");
      expect(readDate(text).kind).toBe("blank");
    }
  );

  it("reads 'none' written other ways as blank: in brackets, doubled, 0, or negating the field", () => {
    const words = ["兼任其他福彩项目", "兼任项目"];
    for (const text of [
      "（无）",
      "(无)",
      "无 /",
      "无、无",
      "0",
      "无兼任",
      "未兼任",
      "不兼任",
      "没有兼任",
    ])
      expect(readText(text, words)).toMatchObject({ kind: "blank" });
    expect(readText(0, words)).toMatchObject({ kind: "blank" });
    // Negation counts only of the field's own name, and real names stay names.
    expect(readText("无兼任", ["证书编号"])).toEqual({ kind: "ok", value: "无兼任" });
    expect(readText("不动产登记项目", words)).toEqual({ kind: "ok", value: "不动产登记项目" });
  });

  it("reads 在岗 and 未备案 in a date field as not yet, and keeps real text", () => {
    expect(readDate("在岗")).toEqual({ kind: "blank", placeholder: "在岗" });
    expect(readDate("未备案")).toEqual({ kind: "blank", placeholder: "未备案" });
    expect(readText("在岗")).toEqual({ kind: "ok", value: "在岗" });
    expect(readText("无锡项目")).toEqual({ kind: "ok", value: "无锡项目" });
  });

  it("reads a placeholder in a list that has 无 as 无, and elsewhere as blank", () => {
    expect(readEnum("/", ENUMS.certLevel)).toEqual({
      kind: "ok",
      value: "无",
      coerced: "placeholder",
    });
    expect(readEnum("没有", ENUMS.certLevel)).toMatchObject({ kind: "ok", value: "无" });
    expect(readEnum("否", ENUMS.yesNo)).toEqual({ kind: "ok", value: "否" });
    expect(readEnum("/", ENUMS.yesNo)).toEqual({ kind: "blank", placeholder: "/" });
  });

  it("joins a code typed in groups, and leaves other text alone", () => {
    expect(readCode("653121 19900312 1011")).toEqual({
      kind: "ok",
      value: "653121199003121011",
      coerced: "spaces",
    });
    expect(readCode("６５３１２１-19900312-101x")).toMatchObject({ value: "65312119900312101x" });
    expect(readCode("653121199003121011")).toEqual({ kind: "ok", value: "653121199003121011" });
    expect(readCode("张 三")).toEqual({ kind: "ok", value: "张 三" });
    expect(readCode("无")).toEqual({ kind: "blank", placeholder: "无" });
  });
});
