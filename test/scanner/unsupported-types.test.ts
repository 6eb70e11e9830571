/** Files of types no language reads are listed and counted by type, never dropped silently. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonReport } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";
import { REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const root = mkdtempSync(join(tmpdir(), "campaign-ims-unsupported-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("unsupported file types", () => {
  it("are skipped as unsupported-type, counted by extension (or name) in the summary and the text report", async () => {
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "assets/logo.png"), "png");
    writeFileSync(join(root, "assets/icon.PNG"), "png");
    writeFileSync(join(root, "LICENSE"), "MIT");
    writeFileSync(join(root, "deploy.sh"), "echo ok\n");
    writeFileSync(join(root, ".gitignore"), "ignored.bin\n");
    writeFileSync(join(root, "ignored.bin"), "x");
    const result = await scanDirectory(root, { pluginModule: REAL_PLUGIN_MODULE });
    expect(result.skipped).toEqual([
      { path: "LICENSE", reason: "unsupported-type", detail: "no reader for LICENSE files" },
      { path: "assets/icon.PNG", reason: "unsupported-type", detail: "no reader for .png files" },
      { path: "assets/logo.png", reason: "unsupported-type", detail: "no reader for .png files" },
    ]);
    const json = jsonReport(result);
    expect(json.skipped).toEqual(result.skipped);
    expect(json.summary.unsupportedTypes).toEqual({ ".png": 2, LICENSE: 1 });
    expect(json.summary.files).toMatchObject({ considered: 1, skipped: 3 });
    expect(renderText(result)).toContain("No reader for 3 files (by type: .png 2, LICENSE 1).");
    expect(renderText(result)).not.toContain("Skipped");
  });
});
