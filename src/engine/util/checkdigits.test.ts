import { idCheckChar, idNumberProblem, usccCheckChar, usccProblem } from "./checkdigits";

describe("GB 11643 ID numbers", () => {
  it("accepts the standard's own example, also with a lower-case x", () => {
    expect(idNumberProblem("11010519491231002X")).toBeNull();
    expect(idNumberProblem("11010519491231002x")).toBeNull();
    expect(idCheckChar("11010519491231002")).toBe("X");
  });

  it("rejects a changed digit, a wrong check character, bad length and an impossible birth date", () => {
    expect(idNumberProblem("11010519491231003X")).toBe("checkdigit");
    expect(idNumberProblem("110105194912310020")).toBe("checkdigit");
    expect(idNumberProblem("11010519491231002")).toBe("length");
    expect(idNumberProblem("1101051949123100AX")).toBe("characters");
    // 1949-02-30 does not exist; the check digit is made right so only the date is wrong.
    const bad17 = "11010519490230002";
    expect(idNumberProblem(bad17 + idCheckChar(bad17))).toBe("birthdate");
  });
});

describe("GB 32100 unified social credit codes", () => {
  it("accepts a commonly cited valid code and rejects it with its check character changed", () => {
    expect(usccProblem("91350100M000100Y43")).toBeNull();
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
    expect(usccProblem("91350100M000100Y44")).toBe("checkdigit");
  });

  it("round-trips a code built with usccCheckChar, and a changed character breaks it", () => {
    const first17 = "52653121MJY2A3K4X";
    const code = first17 + usccCheckChar(first17);
    expect(usccProblem(code)).toBeNull();
    expect(usccProblem("53" + code.slice(2))).toBe("checkdigit");
  });

  it.each(["I", "O", "Z", "S", "V"])(
    "rejects the letter %s, which the code set leaves out",
    (letter) => {
      expect(usccProblem(`91350100M000100${letter}43`)).toBe("characters");
    }
  );

  it("rejects a code of the wrong length", () => {
    expect(usccProblem("91350100M000100Y4")).toBe("length");
  });
});
