/**
 * Amounts written in Chinese numerals, as receipts and contracts spell them out
 * ("壹拾陆万元整", "十六万元", "叁仟伍佰元伍角"). Written for the reader: the npm packages for
 * this (nzh and others) also format, handle other scripts and weigh several times more, and
 * these thirty lines cover the one form a finance clerk types.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  壹: 1,
  一: 1,
  贰: 2,
  貳: 2,
  二: 2,
  两: 2,
  叁: 3,
  參: 3,
  三: 3,
  肆: 4,
  四: 4,
  伍: 5,
  五: 5,
  陆: 6,
  陸: 6,
  六: 6,
  柒: 7,
  七: 7,
  捌: 8,
  八: 8,
  玖: 9,
  九: 9,
};
const UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };
const SECTIONS: Record<string, number> = {
  万: 10_000,
  萬: 10_000,
  亿: 100_000_000,
  億: 100_000_000,
};

/** The value of an amount in Chinese numerals, or null when the text is not one. */
export function parseChineseAmount(text: string): number | null {
  const m =
    /^([零〇壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九拾十佰百仟千万萬亿億]+)(?:[元圆]([零〇壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九]角)?([零〇壹一贰貳二两叁參三肆四伍五陆陸六柒七捌八玖九]分)?)?[整正]?$/.exec(
      text
    );
  if (!m) return null;
  const integer = parseInteger(m[1]);
  if (integer === null) return null;
  const jiao = m[2] ? DIGITS[m[2][0]] : 0;
  const fen = m[3] ? DIGITS[m[3][0]] : 0;
  return Math.round((integer + jiao / 10 + fen / 100) * 100) / 100;
}

function parseInteger(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  /** The unit just before the current digit: "三千六" is 3,600, "一万二" 12,000. */
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      // Digits stand one at a time between units ("一二三" is not a number); 零 only fills a gap.
      if (digit !== null && digit !== 0) return null;
      if (DIGITS[ch] === 0) lastUnit = 0;
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      // "十六" starts with its unit: one ten.
      section += (digit ?? 1) * UNITS[ch];
      digit = null;
      lastUnit = UNITS[ch];
    } else if (ch in SECTIONS) {
      const value = (section + (digit ?? 0)) * SECTIONS[ch];
      if (value === 0) return null;
      total += value;
      section = 0;
      digit = null;
      lastUnit = SECTIONS[ch];
    } else return null;
  }
  // A last digit right after a unit counts in the unit below it (spoken short forms).
  const tail = digit === null ? 0 : lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  return total + section + tail;
}
