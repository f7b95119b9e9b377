/** Amounts in words as receipts and accounting exports print them: 3600 -> 叁仟陆佰元整. */
const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = ["", "拾", "佰", "仟"];
const SECTIONS = ["", "万", "亿"];

function section(n: number): string {
  let out = "";
  let zero = false;
  for (let i = 3; i >= 0; i -= 1) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== "";
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += DIGITS[d] + UNITS[i];
  }
  return out;
}

export function amountInWords(amount: number): string {
  const sign = amount < 0 ? "负" : "";
  const cents = Math.round(Math.abs(amount) * 100);
  let yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  const sections: number[] = [];
  for (; yuan > 0; yuan = Math.floor(yuan / 10000)) sections.push(yuan % 10000);
  let integer = "";
  for (let s = sections.length - 1; s >= 0; s -= 1) {
    const n = sections[s];
    // A gap inside the number is read out once as 零: 壹万零壹元, 贰拾万零伍佰元.
    if ((n === 0 || n < 1000) && integer && !integer.endsWith("零")) integer += "零";
    if (n) integer += section(n) + SECTIONS[s];
  }
  integer = integer.replace(/零$/, "") || "零";
  const tail =
    jiao || fen ? `${jiao ? DIGITS[jiao] + "角" : ""}${fen ? DIGITS[fen] + "分" : ""}` : "整";
  return `${sign}${integer}元${tail}`;
}
