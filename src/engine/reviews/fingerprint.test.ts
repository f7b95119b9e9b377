import { createHash } from "crypto";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import {
  crossFingerprintOf,
  figureText,
  findingLocation,
  fingerprintOf,
  fingerprintText,
  hash16,
  useSha256,
} from "./fingerprint";
import type { Finding } from "../findings";

const nobleHex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

const base: Finding = {
  rule: "BUD-PERSONNEL",
  severity: "error",
  sheet: "预算",
  cell: "B2",
  message: { zh: "超出", en: "over" },
  figures: { planned: 110000, cap: 100000 },
};

describe("a finding's fingerprint", () => {
  it("is SHA-256 of rule, location and figures, the first 16 hex characters (as Node's own SHA-256)", () => {
    const text = "BUD-PERSONNEL\n预算!B2\ncap=100000.00\nplanned=110000.00";
    expect(fingerprintText("BUD-PERSONNEL", "预算!B2", base.figures)).toBe(text);
    const node = createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
    expect(fingerprintOf(base)).toBe(node);
    expect(fingerprintOf(base)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("is the same with a host's own SHA-256 (the CLI hands in Node's)", () => {
    const ours = fingerprintOf(base);
    let calls = 0;
    useSha256((text) => {
      calls += 1;
      return createHash("sha256").update(text, "utf8").digest("hex");
    });
    try {
      expect(fingerprintOf(base)).toBe(ours);
      expect(calls).toBe(1);
    } finally {
      useSha256(nobleHex);
    }
  });

  it("depends neither on the order of the figures nor on the message", () => {
    const other = {
      ...base,
      message: { zh: "别的", en: "else" },
      figures: { cap: 100000, planned: 110000 },
    };
    expect(fingerprintOf(other)).toBe(fingerprintOf(base));
  });

  it("changes with a figure, the rule or the place", () => {
    const fp = fingerprintOf(base);
    expect(fingerprintOf({ ...base, figures: { planned: 110000.01, cap: 100000 } })).not.toBe(fp);
    expect(fingerprintOf({ ...base, rule: "BUD-TOTAL" })).not.toBe(fp);
    expect(fingerprintOf({ ...base, cell: "B3" })).not.toBe(fp);
    expect(fingerprintOf({ ...base, sheet: "预算（旧）" })).not.toBe(fp);
  });

  it("rounds figures to 0.01 with fixed formatting", () => {
    expect(figureText(1)).toBe("1.00");
    expect(figureText(0.1 + 0.2)).toBe("0.30");
    expect(figureText(-0.001)).toBe("0.00");
    expect(figureText(-0.125)).toBe("-0.13");
    expect(figureText(0.125)).toBe("0.13");
    expect(figureText(-12.346)).toBe("-12.35");
    expect(figureText(1234567.891)).toBe("1234567.89");
    expect(figureText("2024-05")).toBe('"2024-05"');
    expect(fingerprintOf({ ...base, figures: { planned: 110000.004, cap: 100000 } })).toBe(
      fingerprintOf(base)
    );
  });

  it("leaves out the pace figures, which move every month", () => {
    const paced = {
      ...base,
      figures: {
        ...base.figures,
        projected: 130000,
        headroom: -10000,
        crossMonth: "2024-11",
        neededPerMonth: 3,
      },
    };
    expect(fingerprintOf(paced)).toBe(fingerprintOf(base));
  });

  it("leaves out the evidence and the payees, which are rows, not figures", () => {
    const withRows = {
      ...base,
      evidence: [{ sheet: "支出台账", row: 2, counted: true, value: 110000 }],
      byPayee: [{ payee: "员工", amount: 110000, rows: [2] }],
    };
    expect(fingerprintOf(withRows)).toBe(fingerprintOf(base));
  });

  it("names a place without a cell in the template's words, the same in every language", () => {
    expect(findingLocation({ sheet: "预算", cell: "B2" })).toBe("预算!B2");
    expect(findingLocation({ target: "Supervisors.certLevel" })).toBe("督导 · 证书等级");
    expect(findingLocation({ target: "name:AsOfDate" })).toBe("项目信息 · 报告截止日期");
    expect(findingLocation({ sheet: "支出台账", target: "Ledger" })).toBe("支出台账");
    expect(hash16("")).toBe("e3b0c44298fc1c14");
  });

  it("gives cross-project findings one too, whatever folder the files are in", () => {
    const f = {
      rule: "X-STAFF",
      figures: {},
      refs: [
        { file: "/a/b/02.xlsx", sheet: "人员", cell: "B2" },
        { file: "/a/01.xlsx", sheet: "人员", cell: "B3" },
      ],
    };
    const moved = {
      ...f,
      refs: [
        { ...f.refs[1], file: "C:\\x\\01.xlsx" },
        { ...f.refs[0], file: "02.xlsx" },
      ],
    };
    expect(crossFingerprintOf(f)).toBe(crossFingerprintOf(moved));
    expect(crossFingerprintOf(f)).toMatch(/^[0-9a-f]{16}$/);
  });
});
