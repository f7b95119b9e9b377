import { checkFixture, compliantFixture, findingsOf, VALID_USCC } from "../../testing/fixture";

const RULE = "PRJ-USCC";
// ContractorUSCC sits in 项目信息!B6.
const AT = "项目信息!B6";

function withUscc(code: string | null) {
  const fx = compliantFixture();
  fx.info.ContractorUSCC = code;
  return checkFixture(fx);
}

describe(RULE, () => {
  it("passes with a valid social organisation code (authority 5)", () => {
    expect(VALID_USCC.startsWith("5")).toBe(true);
    expect(findingsOf(withUscc(VALID_USCC), RULE)).toEqual([]);
  });

  it("is an error when the check digit is wrong", () => {
    // The fixture code with another valid code character in place of its check character.
    const wrong = VALID_USCC.slice(0, 17) + (VALID_USCC[17] === "R" ? "T" : "R");
    expect(findingsOf(withUscc(wrong), RULE)).toEqual([`error ${AT}`]);
  });

  it("is a warning for a valid code that is not a social organisation", () => {
    // The worked example of GB 32100-2015: a valid enterprise code (authority 9).
    expect(findingsOf(withUscc("91350100M000100Y43"), RULE)).toEqual([`warning ${AT}`]);
  });

  it("is an error, not a warning, for an enterprise code with a wrong check digit", () => {
    expect(findingsOf(withUscc("91350100M000100Y44"), RULE)).toEqual([`error ${AT}`]);
  });

  it("is an error for a wrong length or a character the code never uses", () => {
    expect(findingsOf(withUscc(VALID_USCC.slice(0, 17)), RULE)).toEqual([`error ${AT}`]);
    expect(findingsOf(withUscc("52653121MJY2A3K4OQ"), RULE)).toEqual([`error ${AT}`]); // O is not used
  });

  it("reports a blank code once, under PRJ-USCC and not WB-VALUE as well", () => {
    const report = withUscc(null);
    expect(findingsOf(report, RULE)).toEqual([`error ${AT}`]);
    expect(findingsOf(report, "WB-VALUE")).not.toContain(`error ${AT}`);
  });

  it("is not checked, rather than passed, without the 项目信息 sheet", () => {
    const report = checkFixture(compliantFixture(), { layout: { withoutSheets: ["项目信息"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });
});
