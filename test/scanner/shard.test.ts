import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import { mergeResults } from "../../src/scanner/merge.js";
import { inShard, parseShard, shardOf } from "../../src/scanner/shard.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

describe("--shard K/N", () => {
  it("parses K/N and refuses anything else", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/2", "3/2", "1/0", "2", "a/b", "1/10001", "-1/2"]) {
      expect(() => parseShard(bad), bad).toThrow(`--shard expects K/N with 1 ≤ K ≤ N ≤ 10000, e.g. 2/4 (got "${bad}")`);
    }
  });

  it("places a path by a stable hash of its POSIX relative path (the same on every machine)", () => {
    expect(["src/a.ts", "src/b.ts", "soap/logon.xml", "README.md"].map((path) => shardOf(path, 4))).toEqual([4, 2, 4, 2]);
    expect(shardOf("anything", 1)).toBe(1);
  });

  it("puts every path in exactly one shard, and adding paths moves none of the others", () => {
    const paths = Array.from({ length: 500 }, (_, index) => `dir${index % 7}/file-${index}.ts`);
    const before = new Map(paths.map((path) => [path, shardOf(path, 5)]));
    for (const path of paths) {
      expect([1, 2, 3, 4, 5].filter((index) => inShard(path, { index, count: 5 }))).toEqual([before.get(path)]);
    }
    const more = [...paths, ...Array.from({ length: 100 }, (_, index) => `new/file-${index}.xml`)];
    for (const path of paths) expect(shardOf(path, 5)).toBe(before.get(path));
    // Every shard gets a share.
    const sizes = [1, 2, 3, 4, 5].map((index) => more.filter((path) => shardOf(path, 5) === index).length);
    for (const size of sizes) expect(size).toBeGreaterThan(60);
  });
});

describe("sharded scans merged", () => {
  it("equal the unsharded scan, byte for byte in JSON, on a tree with ignored, skipped and unparsable files", async () => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-shard-"));
    try {
      cpSync(join(FIXTURES, "scanner/e2e-repo"), directory, { recursive: true });
      cpSync(join(FIXTURES, "legacy-repo"), join(directory, "legacy"), { recursive: true });
      writeFileSync(join(directory, "legacy/soap/broken.xml"), "<soapenv:Envelope><urn:sessiontoken>mc/x</urn:sessiontoken>");
      const request = { pluginModule: REAL_PLUGIN_MODULE };
      const whole = await scanDirectory(directory, request);
      expect(whole.skipped.length).toBeGreaterThan(0);
      expect(whole.errors.length).toBeGreaterThan(0);
      expect(Object.values(whole.stats.ignored).some((count) => count > 0)).toBe(true);
      for (const count of [1, 3, 7]) {
        const shards: ScanResult[] = [];
        for (let index = 1; index <= count; index++) shards.push(await scanDirectory(directory, { ...request, shard: `${index}/${count}` }));
        expect(shards.reduce((total, shard) => total + shard.findings.length, 0)).toBe(whole.findings.length);
        const merged = mergeResults(
          shards.map((result, index) => ({ file: `shard-${index + 1}.json`, format: "json" as const, result })),
          whole.tool.version,
        );
        expect(renderJson(merged.result)).toBe(renderJson(whole));
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
