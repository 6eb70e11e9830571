/** Results read back from their JSON and SARIF renderings render to the same bytes, so merging loses nothing. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { loadPlugin } from "../../src/scanner/lint-engine.js";
import { mergeResults } from "../../src/scanner/merge.js";
import { readResult } from "../../src/scanner/result-reader.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

describe("results read back for merge", () => {
  it("render to the same JSON, SARIF, Markdown, CSV, GitHub and JUnit bytes, with skipped files, problems, a baseline count and a shard", async () => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-merge-"));
    try {
      cpSync(join(FIXTURES, "legacy-repo"), directory, { recursive: true });
      writeFileSync(join(directory, "soap/broken.xml"), "<soapenv:Envelope><urn:sessiontoken>mc/x</urn:sessiontoken>");
      writeFileSync(join(directory, "src/blob.js"), Buffer.from([0x63, 0x00, 0x01, 0x02]));
      writeFileSync(join(directory, "empty.json"), '{"version":1,"fingerprints":"campaign-ims/v1","findings":[]}');
      const plugin = await loadPlugin(REAL_PLUGIN_MODULE);
      for (const request of [{}, { baseline: "empty.json" }, { shard: "2/2" }]) {
        const result = await scanDirectory(directory, { pluginModule: REAL_PLUGIN_MODULE, ...request });
        if (!("shard" in request)) {
          expect(result.skipped.length).toBeGreaterThan(0);
          expect(result.errors.length).toBeGreaterThan(0);
        }
        for (const [format, outputs] of [
          ["json", ["json", "markdown", "csv", "github", "junit"]],
          ["sarif", ["sarif"]],
        ] as const) {
          const read = readResult(`result.${format}`, renderReport(format, result), plugin);
          expect(read.format).toBe(format);
          for (const output of outputs) expect(renderReport(output, read.result), `${format} → ${output}`).toBe(renderReport(output, result));
          if ("shard" in request) continue;
          const merged = mergeResults([read], result.tool.version);
          for (const output of outputs) expect(renderReport(output, merged.result), `merged ${format} → ${output}`).toBe(renderReport(output, result));
        }
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
