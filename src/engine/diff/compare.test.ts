import { compareSubmissions } from "./compare";
import { compareFixtures, submission, twoSubmissions } from "../testing/submissions";
import type { Comparison } from "./types";

function refused(outcome: ReturnType<typeof compareSubmissions>) {
  if (outcome.ok) throw new Error("compared");
  return outcome;
}

function compared(outcome: ReturnType<typeof compareSubmissions>): Comparison {
  if (!outcome.ok) throw new Error(outcome.error.en);
  return outcome.comparison;
}

describe("comparing two submissions", () => {
  it("refuses workbooks of different projects with a clear reason", () => {
    const { earlier, later } = twoSubmissions();
    later.info.ProjectCode = "TEST-002";
    const out = refused(
      compareSubmissions(submission(earlier, "d/a.xlsx"), submission(later, "d/b.xlsx"))
    );
    expect(out.reason).toBe("different-projects");
    expect(out.error.zh).toBe(
      "两份工作簿不是同一项目的报送：a.xlsx 的项目编号为 TEST-001，b.xlsx 的项目编号为 TEST-002。只能比较同一项目编号的两次报送。"
    );
    expect(out.error.en).toMatch(/^The two workbooks are not submissions of one project/);
  });

  it("takes codes as the reader normalises them: spaces and case do not make another project", () => {
    const { earlier, later } = twoSubmissions();
    later.info.ProjectCode = " test-001 ";
    expect(compareSubmissions(submission(earlier, "a.xlsx"), submission(later, "b.xlsx")).ok).toBe(
      true
    );
  });

  it("refuses a workbook without a project code or a reporting date", () => {
    const { earlier, later } = twoSubmissions();
    later.info.ProjectCode = null;
    let out = refused(
      compareSubmissions(submission(earlier, "a.xlsx"), submission(later, "b.xlsx"))
    );
    expect([out.reason, out.error.zh]).toEqual([
      "no-code",
      "无法比较：b.xlsx 中找不到项目编号，无法确认两份工作簿属于同一项目。",
    ]);
    later.info.ProjectCode = earlier.info.ProjectCode;
    earlier.info.AsOfDate = null;
    out = refused(compareSubmissions(submission(earlier, "a.xlsx"), submission(later, "b.xlsx")));
    expect(out.reason).toBe("no-as-of");
  });

  it("orders by reporting date whatever order the files are given in, and says so", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger![0].amount = 9000;
    const c = compared(
      compareSubmissions(submission(later, "later.xlsx"), submission(earlier, "earlier.xlsx"))
    );
    expect([c.earlier.file, c.later.file]).toEqual(["earlier.xlsx", "later.xlsx"]);
    expect(c.notes.map((n) => n.kind)).toEqual(["order"]);
    expect(c.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["支出台账!F2"]);
  });

  it("on the same reporting date takes the later modified file as the later one, with an info", () => {
    const { earlier } = twoSubmissions();
    const other = structuredClone(earlier);
    other.tables.Ledger![0].amount = 9000;
    const a = submission(earlier, "a.xlsx", Date.UTC(2024, 8, 6));
    const b = submission(other, "b.xlsx", Date.UTC(2024, 8, 5));
    const c = compared(compareSubmissions(a, b));
    expect([c.earlier.file, c.later.file]).toEqual(["b.xlsx", "a.xlsx"]);
    expect(c.notes).toEqual([
      {
        kind: "same-as-of",
        message: {
          zh: "两份报送的报告截止日期相同（2024-09-05），按文件修改时间，以 a.xlsx 为较晚的一次报送。",
          en: "Both submissions report up to 2024-09-05; by file modification time, a.xlsx is taken as the later one.",
        },
      },
    ]);
    // The other way round when b was saved last; as given when the times do not tell.
    expect(
      compared(compareSubmissions(a, { ...b, modified: Date.UTC(2024, 8, 7) })).later.file
    ).toBe("b.xlsx");
    const untold = compared(compareSubmissions({ ...a, modified: null }, b));
    expect(untold.later.file).toBe("b.xlsx");
    expect(untold.notes[0].message.zh).toContain("文件修改时间也无法区分");
  });

  it("gives every KPI and budget category then and now", () => {
    const { earlier, later } = twoSubmissions();
    earlier.tables.Activities = earlier.tables.Activities!.slice(2); // two services fewer then
    later.tables.Ledger!.push({
      date: "2024-09-20",
      voucher: "S-9",
      category: "服务性支出",
      subject: "活动物资",
      summary: "活动物资",
      amount: 2500,
      payee: "供销社",
    });
    const c = compareFixtures(earlier, later);
    const services = c.kpis.find((k) => k.rule === "KPI-SERVICES")!;
    // Services count up to each reporting date: 6 of them by 2024-09-05 (4 with two taken out), 8 by 2024-10-08.
    expect(services).toMatchObject({ target: 10, earlier: 4, later: 8 });
    expect(services.label.zh).toMatch(/\S/);
    expect(c.kpis.map((k) => k.rule)).toEqual(
      expect.arrayContaining(["KPI-ORGS", "KPI-BENEFICIARIES", "KPI-CHARITY", "KPI-CASES"])
    );
    const service = c.budget!.find((b) => b.category === "服务性支出")!;
    expect(service).toMatchObject({
      kind: "min",
      limit: 40000,
      planned: { earlier: 40000, later: 40000 },
      actual: { earlier: 40000, later: 42500 },
    });
    expect(c.budget!.find((b) => b.category === "total")!.actual).toEqual({
      earlier: 160000,
      later: 162500,
    });
  });

  it("tells each finding new, resolved or persisting by rule and row, wherever the row moved", () => {
    const { earlier, later } = twoSubmissions();
    // Then: P-3 without an amount (LED-AMOUNT) and S-1 without a voucher (LED-VOUCHER).
    earlier.tables.Ledger![2].amount = null;
    earlier.tables.Ledger![10].voucher = null;
    // Now: P-3 fixed; S-1 still without a voucher but two rows further down; P-5 now negative.
    later.tables.Ledger![10].voucher = null;
    later.tables.Ledger!.unshift(
      { ...later.tables.Ledger![0], voucher: "N-1", date: "2024-09-10" },
      { ...later.tables.Ledger![0], voucher: "N-2", date: "2024-09-11" }
    );
    later.tables.Ledger![6].amount = -100;
    const c = compareFixtures(earlier, later);
    const line = (f: { rule: string; sheet?: string; cell?: string }) =>
      `${f.rule} ${f.sheet}!${f.cell}`;
    const led = (f: { rule: string }) => /^LED-(AMOUNT|VOUCHER)$/.test(f.rule);
    // P-7 (2024-09-11) was after the earlier reporting date (LED-DATE) and is not after the later one.
    // The earlier submission, a year's payments booked by September, was heading over the caps
    // (a projected overrun on the budget's cells); the later one is over them on a ledger row.
    expect(c.checks.resolved.map(line)).toEqual([
      "LED-AMOUNT 支出台账!F4",
      "LED-DATE 支出台账!A8",
      "BUD-OVERRUN 预算!C2",
      "BUD-PERSONNEL 预算!C2",
      "BUD-TOTAL 预算!C5",
    ]);
    expect(c.checks.persisting.filter(led).map(line)).toEqual(["LED-VOUCHER 支出台账!B14"]);
    expect(c.checks.new.filter(led).map(line)).toEqual(["LED-AMOUNT 支出台账!F8"]);
    // Ledger rows dated after both reporting dates persist, on their rows as moved.
    expect(c.checks.persisting.filter((f) => f.rule === "LED-DATE").map(line)).toEqual(
      ["A11", "A12", "A13", "A17", "A19"].map((cell) => `LED-DATE 支出台账!${cell}`)
    );
    // Progress on track is not a finding of a problem.
    for (const list of [c.checks.new, c.checks.resolved, c.checks.persisting])
      expect(list.filter((f) => f.status === "progress")).toEqual([]);
  });

  it("lists the project facts that changed, the reporting date apart", () => {
    const { earlier, later } = twoSubmissions();
    later.info.ContractAmount = 150000;
    const c = compareFixtures(earlier, later);
    expect(c.info).toEqual([
      {
        field: "ContractAmount",
        header: { zh: "合同金额（元）", en: "Contract amount (yuan)" },
        old: 160000,
        new: 150000,
      },
    ]);
    expect(c.earlier).toMatchObject({ asOf: 45540, stage: "interim" });
  });
});
