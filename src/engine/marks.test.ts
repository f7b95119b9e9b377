import type { Finding } from "./findings";
import { planMarks } from "./marks";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "BUD-PERSONNEL",
  severity: "error",
  sheet: "支出台账",
  cell: "F26",
  message: { zh: "人力成本超过上限。", en: "Personnel over the cap." },
  ...over,
});

describe("planMarks", () => {
  it("marks a problem on its cell, a range on each of its cells, the note on the first", () => {
    const marks = planMarks([finding({}), finding({ severity: "warning", cell: "A2:A3" })], "zh");
    expect(marks.map((m) => `${m.cell} ${m.severity} ${m.lines.length}`)).toEqual([
      "F26 error 1",
      "A2 warning 1",
      "A3 warning 0",
    ]);
    expect(marks[0].lines[0]).toBe(
      "[错误] BUD-PERSONNEL: 人力成本超过上限。 / Personnel over the cap."
    );
  });

  it("leaves alone the cells of progress on track and of rules that could not run", () => {
    const progress = finding({ severity: "info", status: "progress", cell: "C2" });
    const notChecked = finding({ severity: "info", status: "not-checked", cell: "C3" });
    expect(planMarks([progress, notChecked], "zh")).toEqual([]);
    // The same cell with a problem on it is still marked, for the problem only.
    const marks = planMarks([progress, finding({ severity: "warning", cell: "C2" })], "en");
    expect(marks).toHaveLength(1);
    expect(marks[0].lines).toHaveLength(1);
    expect(marks[0].severity).toBe("warning");
  });

  it("says when a finding was accepted in 审核意见", () => {
    const accepted = finding({
      review: { accepted: true } as Finding["review"],
    });
    expect(planMarks([accepted], "zh")[0].lines[0]).toMatch(/^\[错误·已认可\]/);
  });
});
