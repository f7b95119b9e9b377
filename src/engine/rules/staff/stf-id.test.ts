import { checkFixture, compliantFixture, findingsOf, validId } from "../../testing/fixture";
import type { ProjectReport } from "../../check";

const RULE = "STF-ID";
// 身份证号 is column B on both 人员 and 督导.

/** The same ID with another last character: the check digit is then wrong. */
function wrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
}

function messagesOf(report: ProjectReport): string[] {
  return report.findings
    .filter((f) => f.rule === RULE)
    .flatMap((f) => [f.message.zh, f.message.en]);
}

describe(RULE, () => {
  it("passes with valid ID numbers for staff and supervisors", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("accepts a known valid ID number ending in X", () => {
    // Independent of the fixture's own check-digit helper: a published example number.
    const fx = compliantFixture();
    fx.tables.Staff![0].idNumber = "11010519491231002X";
    expect(findingsOf(checkFixture(fx), RULE)).toEqual([]);
  });

  it("flags a wrong check digit, and shows the number masked only", () => {
    const fx = compliantFixture();
    const bad = wrongCheckDigit(validId("1988-05-12", 11));
    fx.tables.Staff![0].idNumber = bad;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 人员!B2"]);
    const messages = messagesOf(report);
    for (const m of messages) {
      expect(m).not.toContain(bad);
      expect(m).not.toContain("19880512"); // the date of birth stays hidden
      expect(m).toContain(`653121********${bad.slice(-4)}`);
    }
  });

  it("flags an ID number one character short, masked", () => {
    const fx = compliantFixture();
    const short = validId("1995-09-03", 22).slice(0, 17);
    fx.tables.Staff![1].idNumber = short;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 人员!B3"]);
    for (const m of messagesOf(report)) {
      expect(m).not.toContain(short);
      expect(m).not.toContain("19950903");
    }
  });

  it("flags a blank ID number once, under STF-ID and not WB-VALUE as well", () => {
    const fx = compliantFixture();
    fx.tables.Staff![1].idNumber = null;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 人员!B3"]);
    expect(findingsOf(report, "WB-VALUE")).not.toContain("error 人员!B3");
  });

  it("checks supervisors too", () => {
    const fx = compliantFixture();
    fx.tables.Supervisors![1].idNumber = wrongCheckDigit(validId("1982-04-16", 44));
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 督导!B3"]);
  });

  it("never shows a full ID number in any finding of the report", () => {
    const fx = compliantFixture();
    const ids = [
      wrongCheckDigit(validId("1988-05-12", 11)),
      validId("1995-09-03", 22) + "1", // 19 characters
    ];
    fx.tables.Staff![0].idNumber = ids[0];
    fx.tables.Staff![1].idNumber = ids[1];
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 人员!B2", "error 人员!B3"]);
    const all = JSON.stringify(report.findings);
    for (const id of ids) expect(all).not.toContain(id.slice(0, 14));
  });

  it("is not checked, rather than passed, without the staff 身份证号 column", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].idNumber = null;
    const report = checkFixture(fx, { layout: { withoutColumns: ["Staff.idNumber"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
  });

  it("says supervisors were not checked, rather than passing them, without their 身份证号 column", () => {
    // rules.md: a rule that cannot run for lack of a column reports info/not-checked, never a pass.
    // Staff IDs are all valid here, so the only finding expected is that not-checked one.
    const report = checkFixture(compliantFixture(), {
      layout: { withoutColumns: ["Supervisors.idNumber"] },
    });
    const notChecked = report.findings.filter((f) => f.rule === RULE && f.status === "not-checked");
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0].severity).toBe("info");
  });

  it("reads an ID number typed in groups as one number: a WB-VALUE warning, no error", () => {
    const fx = compliantFixture();
    const id = validId("1988-05-12", 11);
    fx.tables.Staff![0].idNumber = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "WB-VALUE")).toEqual(["warning 人员!B2"]);
  });

  it("still fails a grouped number whose check digit is wrong", () => {
    const fx = compliantFixture();
    const bad = wrongCheckDigit(validId("1988-05-12", 11));
    fx.tables.Staff![0].idNumber = `${bad.slice(0, 6)} ${bad.slice(6, 14)} ${bad.slice(14)}`;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 人员!B2"]);
  });

  it("says an ID number stored as a number lost its last digits, and reads 无 as missing", () => {
    const fx = compliantFixture();
    fx.tables.Staff![0].idNumber = Number(validId("1988-05-12", 11).slice(0, 17) + "1");
    fx.tables.Staff![1].idNumber = "无";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 人员!B2", "error 人员!B3"]);
    const [stored, none] = report.findings.filter((f) => f.rule === RULE);
    expect(stored.message.zh).toContain("以数字格式保存");
    expect(none.message.zh).toBe("乙的身份证号未填写（「无」视为未填）。");
  });
});
