/** The page's annotated copy is made within the same limits as the CLI's (annotate-limits.ts). */
import { readFileSync } from "fs";
import { join } from "path";
import { unzipSync, zipSync } from "fflate";
import { ANNOTATE_MAX_PARTS, CopyDeclined } from "../../hosts/xlsx/annotate-limits";
import { EngineCore } from "./core";

const bytes = new Uint8Array(
  readFileSync(join(__dirname, "../../../workbooks/samples/01-wupaer-final-compliant.xlsx"))
);

describe("the page's annotated copy", () => {
  it("is declined in the worker with the same reason, the check standing", async () => {
    const many = { ...unzipSync(bytes) };
    for (let i = 0; i < ANNOTATE_MAX_PARTS; i += 1)
      many[`xl/media/t${i}.bin`] = new Uint8Array([1]);
    const core = new EngineCore();
    const noop = () => undefined;
    const zipped = zipSync(many);
    const checked = await core.handle(
      { type: "check-bytes", id: "a", name: "a.xlsx", bytes: zipped.slice().buffer },
      noop
    );
    expect(checked.response.type).toBe("checked");
    const refused = core.handle({ type: "annotate", id: "a", lang: "zh" }, noop);
    await expect(refused).rejects.toBeInstanceOf(CopyDeclined);
    await expect(refused).rejects.toMatchObject({
      text: { zh: expect.stringMatching(/^未生成标注副本：文件内部条目超过 2,000 个/) },
    });
  });
});
