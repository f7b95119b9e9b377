import { checkFixture, compliantFixture, findingsOf, type Fixture } from "../../testing/fixture";
import { fingerprintOf } from "../../reviews/fingerprint";

const RULE = "BUD-PERSONNEL";

describe(RULE, () => {
  it("passes with plan and spending exactly at the cap", () => {
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("flags a plan one yuan over the cap on the plan cell", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 100001;
    expect(findingsOf(checkFixture(fx), RULE)).toEqual(["error 预算!B2"]);
  });

  it("flags the ledger row at which the running total first crosses the cap", () => {
    const fx = compliantFixture();
    // Personnel rows are 10 x 10,000 in date order (rows 2-11); one more yuan on the 10th row crosses.
    fx.tables.Ledger![9].amount = 10001;
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
    expect(report.findings.find((f) => f.rule === RULE)!.figures).toEqual({
      actual: 100001,
      cap: 100000,
      excess: 1,
    });
  });

  it("orders payments by date, not by sheet row, to find the crossing", () => {
    const fx = compliantFixture();
    // An early payment typed at the bottom of the ledger: in date order it comes first, so the
    // last payment in time (row 11), not the bottom row, is the one that goes over.
    fx.tables.Ledger!.push({
      date: "2024-03-02",
      voucher: "P-X",
      category: "人力成本",
      subject: "工资",
      summary: "补发",
      amount: 500,
      payee: "员工",
    });
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
  });

  it("is not checked, rather than passed, when the ledger has no amount column", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 200000;
    const report = checkFixture(fx, { layout: { withoutColumns: ["Ledger.amount"] } });
    expect(findingsOf(report, RULE)).toEqual(["info/not-checked -!-"]);
    expect(findingsOf(report, "WB-STRUCTURE")).toEqual(["error 支出台账!A1:F1"]);
  });

  it("explains, in the finding, why the budget sheet shows less: an amount typed as text", () => {
    const fx = compliantFixture();
    fx.tables.Ledger![9].amount = "10,001";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["error 支出台账!F11"]);
    const f = report.findings.find((x) => x.rule === RULE)!;
    expect(f.message.zh).toContain(
      "预算表 预算!C2 显示 90,000 元，与此处的 100,001 元不同，因为有 10,001 元的金额以文本形式保存，预算表公式未计入。"
    );
  });
});

/** The fixture as booked by 2024-08-31 (6 of 12 months), with `personnel` salary rows of 10,000. */
function midTerm(personnel: number): Fixture {
  const fx = compliantFixture();
  let kept = 0;
  fx.tables.Ledger = fx.tables.Ledger!.filter(
    (r) => String(r.date) <= "2024-08-31" && (r.category !== "人力成本" || (kept += 1) <= personnel)
  );
  return fx;
}

describe(`${RULE} pace in the interim`, () => {
  it("warns of a projected overrun on the budget's actual cell, naming the month it would be crossed", () => {
    const report = checkFixture(midTerm(6), { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual(["warning 预算!C2"]);
    const f = report.findings.find((x) => x.rule === RULE)!;
    // 60,000 in 6 months: 10,000 a month, 120,000 by the end; over 100,000 in month 11.
    expect(f.figures).toEqual({
      actual: 60000,
      cap: 100000,
      headroom: 40000,
      projected: 120000,
      crossMonth: "2025-01",
    });
    expect(f.message.zh).toBe(
      "按目前进度将超支：人力成本累计支出 60,000 元，月均 10,000 元，照此至合同期末将达 120,000 元，比上限 100,000 元多 20,000 元，预计 2025年1月突破上限。"
    );
    expect(f.message.en).toContain("crossing it in January 2025");
  });

  it("shows progress with the pace figures when the projection stays under the cap", () => {
    const report = checkFixture(midTerm(4), { asOf: "2024-08-31" });
    expect(findingsOf(report, RULE)).toEqual(["info/progress 预算!C2"]);
    const f = report.findings.find((x) => x.rule === RULE)!;
    expect(f.figures).toEqual({ actual: 40000, cap: 100000, headroom: 60000, projected: 80000 });
    expect(f.message.zh).toBe(
      "进度：人力成本累计支出 40,000 元，距上限 100,000 元尚余 60,000 元；按月均 6,666.67 元推算，至合同期末约 80,000 元。"
    );
  });

  it("keeps the pace figures and the evidence out of the fingerprint", () => {
    const f = checkFixture(midTerm(4), { asOf: "2024-08-31" }).findings.find(
      (x) => x.rule === RULE
    )!;
    expect(f.evidence?.length).toBeGreaterThan(0);
    const bare = { ...f, figures: { actual: 40000, cap: 100000 }, evidence: [], byPayee: [] };
    expect(f.fingerprint).toBe(fingerprintOf(bare));
  });

  it("lists the rows behind the spending and groups them by payee", () => {
    const fx = midTerm(4);
    fx.tables.Ledger![1].payee = "李四";
    // Might be personnel, but no category; personnel without a readable amount.
    fx.tables.Ledger!.push({ ...fx.tables.Ledger![0], voucher: "X-1", category: null });
    fx.tables.Ledger!.push({ ...fx.tables.Ledger![0], voucher: "X-2", amount: "n/a" });
    const f = checkFixture(fx, { asOf: "2024-08-31" }).findings.find(
      (x) => x.rule === RULE && x.status === "progress"
    )!;
    const rows = f.evidence!.map((e) => [e.row, e.counted, e.value ?? null, e.reason?.zh ?? ""]);
    const n = fx.tables.Ledger!.length + 1;
    expect(rows).toEqual([
      [2, true, 10000, ""],
      [3, true, 10000, ""],
      [4, true, 10000, ""],
      [5, true, 10000, ""],
      [n - 1, false, 10000, "类别未填写或不是有效类别"],
      [n, false, null, "金额未填写或无法识别"],
    ]);
    expect(f.byPayee).toEqual([
      { payee: "员工", amount: 30000, rows: [2, 4, 5] },
      { payee: "李四", amount: 10000, rows: [3] },
    ]);
  });
});
