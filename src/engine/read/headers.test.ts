import { NAMES, TABLES, type NameKey, type TableName } from "../contract/tables";
import { headerKey, isQualifiedVariant, matchKind } from "./headers";

const field = (table: TableName, key: string) =>
  TABLES.find((t) => t.name === table)!.fields.find((f) => f.key === key)!;
const name = (key: NameKey) => NAMES.find((n) => n.name === key)!;

describe("headerKey", () => {
  it.each([
    ["金额", "金额"],
    ["金额 Amount", "金额"],
    ["金额（元）", "金额"],
    ["金额(元) Amount (yuan)", "金额"],
    ["金 额", "金额"],
    ["金额：", "金额"],
    ["金额:", "金额"],
    ["*金额", "金额"],
    ["金额\n(单位：元)", "金额"],
    ["日期（年/月/日）", "日期"],
    ["日期(yyyy-mm-dd)", "日期"],
    ["证书编号（如有）", "证书编号"],
    ["ＡＭＯＵＮＴ", "amount"],
    ["金额/元", "金额"],
    ["金额/Amount", "金额"],
    ["受益人数（人/次）", "受益人数"],
    ["身份证号（18位）", "身份证号"],
  ])("reads %p as %p: spaces, colons, stars, units, formats and glosses set aside", (text, key) => {
    expect(headerKey(text).key).toBe(key);
  });

  it.each([
    ["金额（大写）", "金额(大写)", "金额"],
    ["预算金额（上年）", "预算金额(上年)", "预算金额"],
    ["日期【报销】", "日期(报销)", "日期"],
    ["所在村（社区）", "所在村(社区)", "所在村"],
  ])("keeps a qualifier: %p is %p, a variant of %p", (text, key, base) => {
    expect(headerKey(text)).toMatchObject({ key, base });
  });

  it("gives the multiplier of a unit gloss", () => {
    expect(headerKey("合同金额（万元）").scale).toBe(10_000);
    expect(headerKey("金额（元）").scale).toBe(1);
  });
});

describe("matchKind", () => {
  it("tells a canonical header from an alias and from another column", () => {
    const amount = field("Ledger", "amount");
    expect(matchKind("金额（元）：", amount)).toBe("canonical");
    expect(matchKind("支出金额", amount)).toBe("alias");
    expect(matchKind("金额（大写）", amount)).toBeNull();
    expect(matchKind("凭证号", amount)).toBeNull();
    expect(matchKind("", amount)).toBeNull();
  });

  it("matches form labels typed with a colon", () => {
    expect(matchKind("项目名称：", name("ProjectName"))).toBe("canonical");
    expect(matchKind("合同金额（元）:", name("ContractAmount"))).toBe("canonical");
    expect(matchKind("项目编号（合同编号）：", name("ProjectCode"))).toBe("canonical");
    expect(matchKind("合同编号：", name("ProjectCode"))).toBe("alias");
  });

  it("takes a header with its own qualifier typed without brackets", () => {
    const village = field("CommunityOrgs", "village");
    expect(matchKind("所在村社区", village)).toBe("alias");
    expect(matchKind("所在村/社区", village)).toBe("alias");
    expect(matchKind("所在村（社区）", village)).toBe("canonical");
  });

  it("names a qualified header a near miss, not the field", () => {
    expect(isQualifiedVariant("金额（大写）", field("Ledger", "amount"))).toBe(true);
    expect(isQualifiedVariant("金额", field("Ledger", "amount"))).toBe(false);
    expect(isQualifiedVariant("日期（报销）", field("Ledger", "amount"))).toBe(false);
  });
});
