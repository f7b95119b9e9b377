import { reviewLines } from "./text";
import type { FindingReview } from "./model";

const review: FindingReview = {
  explanation: "已报民政局",
  decision: "认可",
  accepted: true,
  reason: "预算调整已批准",
  by: "王建华",
  date: "2024-12-20",
  summary: "人力成本预算 105,000 元，超过上限 100,000 元。",
  fingerprint: "0123456789abcdef",
  sheet: "审核意见",
  row: 2,
};

describe("a finding's review in words", () => {
  it("gives the explanation, then the decision with who, when and why", () => {
    expect(reviewLines({ review }, "zh")).toEqual([
      "情况说明：已报民政局",
      "处理意见：认可（王建华，2024-12-20）；理由：预算调整已批准",
    ]);
    expect(
      reviewLines({ review: { ...review, decision: "需整改", accepted: false } }, "en")
    ).toEqual([
      "Explanation: 已报民政局",
      "Decision: to be corrected (王建华, 2024-12-20); reason: 预算调整已批准",
    ]);
  });

  it("gives only what the row holds", () => {
    const explained = {
      ...review,
      decision: null,
      accepted: false,
      reason: null,
      by: null,
      date: null,
    };
    expect(reviewLines({ review: explained }, "zh")).toEqual(["情况说明：已报民政局"]);
    expect(reviewLines({}, "zh")).toEqual([]);
  });

  it("says an earlier decision was for other figures", () => {
    expect(reviewLines({ earlierReview: review }, "zh")).toEqual([
      "此前的处理意见「认可」（王建华，2024-12-20）针对的是另一组数字；数字已变化，需重新处理。",
    ]);
    expect(reviewLines({ earlierReview: review }, "en")).toEqual([
      "The earlier decision, accepted (王建华, 2024-12-20), was for other figures; the figures have changed, so it needs to be given again.",
    ]);
    expect(reviewLines({ earlierReview: { ...review, decision: null } }, "en")[0]).toMatch(
      /^The earlier explanation was for other figures/
    );
  });
});
