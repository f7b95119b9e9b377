import { checkFixture, compliantFixture, findingsOf } from "../../testing/fixture";
import { reviewValues } from "../../reviews/rows";

const RULE = "REV-STALE";

function withReview() {
  const fx = compliantFixture();
  fx.tables.Ledger![1].voucher = null;
  const f = checkFixture(fx).findings.find((x) => x.rule === "LED-VOUCHER")!;
  fx.reviews = [reviewValues(f, { explanation: "凭证遗失，已补办" }).values];
  return { fx, f };
}

describe(RULE, () => {
  it("says nothing while every row applies to a finding, or without the sheet", () => {
    expect(findingsOf(checkFixture(withReview().fx), RULE)).toEqual([]);
    expect(findingsOf(checkFixture(compliantFixture()), RULE)).toEqual([]);
  });

  it("lists a row whose finding is gone once, as an info across the row", () => {
    const { fx } = withReview();
    fx.tables.Ledger![1].voucher = "P-2";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual(["info 审核意见!A2:I2"]);
    const f = report.findings.find((x) => x.rule === RULE)!;
    expect(f.message.zh).toMatch(/第 2 行的审核意见（凭证号.*位置 支出台账!B3）不对应/);
    expect(f.message.en).toMatch(/^The review in row 2 .* applies to no finding/);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("says the figures changed when the finding stands at the same place with others", () => {
    const fx = compliantFixture();
    fx.budget["人力成本"] = 110000;
    fx.budget["服务性支出"] = 30000;
    const f = checkFixture(fx).findings.find((x) => x.rule === "BUD-PERSONNEL" && x.cell === "B2")!;
    fx.reviews = [reviewValues(f, { explanation: "说明" }).values];
    fx.budget["人力成本"] = 120000;
    const stale = checkFixture(fx).findings.find((x) => x.rule === RULE)!;
    expect(stale.message.zh).toContain("是针对另一组数字填写的");
    expect(stale.message.en).toContain("was written for other figures");
  });

  it("does not list a malformed row: WB-VALUE says what is wrong with it", () => {
    const { fx } = withReview();
    fx.reviews![0] = { ...fx.reviews![0], decision: "认可" };
    fx.tables.Ledger![1].voucher = "P-2";
    const report = checkFixture(fx);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "WB-VALUE")).toEqual([
      "error 审核意见!G2",
      "error 审核意见!H2",
      "error 审核意见!I2",
    ]);
  });
});
