import { addMonths, isValidYmd, serialFromYmd, wholeMonthsBetween, ymdFromSerial } from "./dates";

const s = serialFromYmd;

describe("addMonths", () => {
  it("clamps the day to the end of a shorter month", () => {
    expect(addMonths(s(2024, 1, 31), 1)).toBe(s(2024, 2, 29));
    expect(addMonths(s(2023, 1, 31), 1)).toBe(s(2023, 2, 28));
    expect(addMonths(s(2024, 3, 31), -1)).toBe(s(2024, 2, 29));
    expect(addMonths(s(2024, 11, 30), 3)).toBe(s(2025, 2, 28));
  });
});

describe("wholeMonthsBetween", () => {
  it("counts a month only once its clamped anniversary is reached", () => {
    expect(wholeMonthsBetween(s(2024, 3, 1), s(2025, 3, 1))).toBe(12);
    expect(wholeMonthsBetween(s(2024, 3, 1), s(2025, 2, 28))).toBe(11);
    expect(wholeMonthsBetween(s(2024, 1, 31), s(2024, 2, 28))).toBe(0);
    expect(wholeMonthsBetween(s(2024, 1, 31), s(2024, 2, 29))).toBe(1);
    expect(wholeMonthsBetween(s(2024, 1, 31), s(2024, 3, 30))).toBe(1);
  });

  it("is 0 when the end precedes the start", () => {
    expect(wholeMonthsBetween(s(2024, 5, 1), s(2024, 3, 1))).toBe(0);
  });
});

describe("Excel serials", () => {
  it("match Excel's serials from 1900-03-01 on, including leap days", () => {
    // Excel: 1900-03-01 = 61, 2000-02-29 = 36585, 2024-02-29 = 45351.
    expect(s(1900, 3, 1)).toBe(61);
    expect(s(2000, 2, 29)).toBe(36585);
    expect(s(2024, 2, 29)).toBe(45351);
    expect(s(2024, 3, 1)).toBe(45352);
  });

  it.each([
    [61, 1900, 3, 1],
    [36585, 2000, 2, 29],
    [45351, 2024, 2, 29],
    [45352, 2024, 3, 1],
  ])("serial %p reads back as %p-%p-%p", (serial, y, m, d) => {
    expect(ymdFromSerial(serial)).toEqual({ y, m, d });
    expect(s(y, m, d)).toBe(serial);
  });

  it("match Excel before 1900-03-01 too: 1900-01-01 = 1, 1900-02-28 = 59 (serial 60 is Excel's fictitious 1900-02-29)", () => {
    expect(s(1900, 1, 1)).toBe(1);
    expect(s(1900, 2, 28)).toBe(59);
    expect(ymdFromSerial(59)).toEqual({ y: 1900, m: 2, d: 28 });
  });

  it("knows which days exist: 1900 and 2100 are not leap years, 2000 is", () => {
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(2100, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 4, 31)).toBe(false);
  });
});
