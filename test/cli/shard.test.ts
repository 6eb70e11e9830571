/**
 * `scan --shard K/N` and `campaign-ims merge` end to end: the merged JSON and SARIF of all shards
 * are byte for byte the unsharded scan's; merge refuses what it cannot join correctly (exit 2).
 */
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

beforeAll(assertBuilt);

const SHARDS = 3;

/** Scan `fixture` whole and in shards; the results go to a directory outside the scanned tree. */
function scanShards(fixture: string): { root: string; out: string } {
  const root = copyFixture(fixture);
  const out = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-shards-")));
  const scan = (args: string[]): void => expect(runCli(["scan", "--root", root, "-q", "--fail-on", "none", ...args], { cwd: out }).code).toBe(0);
  scan(["-f", "json", "-o", "whole.json", "-f", "sarif", "-o", "whole.sarif", "-f", "markdown", "-o", "whole.md"]);
  for (let index = 1; index <= SHARDS; index++) scan(["--shard", `${index}/${SHARDS}`, "-f", "json", "-o", `shard-${index}.json`, "-f", "sarif", "-o", `shard-${index}.sarif`]);
  return { root, out };
}

const read = (directory: string, file: string): string => readFileSync(join(directory, file), "utf8");
const shardFiles = (extension: string): string[] => Array.from({ length: SHARDS }, (_, index) => `shard-${index + 1}.${extension}`);

describe("campaign-ims merge", () => {
  it("joins all shards into exactly the unsharded JSON, SARIF and Markdown", () => {
    const { out: directory } = scanShards("scanner/e2e-repo");
    const shard = JSON.parse(read(directory, "shard-2.json")) as { summary: { shard: unknown } };
    expect(shard.summary.shard).toEqual({ index: 2, count: SHARDS });

    const json = runCli(["merge", ...shardFiles("json").reverse(), "-o", "merged.json"], { cwd: directory });
    expect(json).toEqual({ code: 0, stdout: "", stderr: expect.stringMatching(/^campaign-ims: merged 3 result\(s\): \d+ finding\(s\); wrote merged\.json\n$/) as unknown as string });
    expect(read(directory, "merged.json")).toBe(read(directory, "whole.json"));

    const sarif = runCli(["merge", ...shardFiles("sarif"), "-q"], { cwd: directory });
    expect(sarif.code).toBe(0);
    expect(sarif.stdout).toBe(read(directory, "whole.sarif"));

    expect(runCli(["merge", ...shardFiles("json"), "-f", "markdown", "-q"], { cwd: directory }).stdout).toBe(read(directory, "whole.md"));
  });

  it("refuses missing, repeated and mixed shards, mixed formats, versions and roots, and overlapping results", () => {
    const { root, out: directory } = scanShards("legacy-repo");
    const refuse = (args: string[], message: string): void => {
      expect(runCli(["merge", ...args], { cwd: directory }), args.join(" ")).toEqual({ code: 2, stdout: "", stderr: `campaign-ims: error: ${message}\n` });
    };
    refuse(["shard-1.json", "shard-3.json"], "missing shard(s) 2/3: merge all 3 shards");
    refuse(["shard-1.json", "shard-2.json", "shard-3.json", "shard-2.json"], "shard 2/3 is given twice (shard-2.json, shard-2.json)");
    refuse(["shard-1.json", "whole.json"], "cannot merge shards with whole scans (whole.json): merge each scan's shards first");
    refuse(["shard-1.json", "shard-1.sarif"], "cannot merge results of different formats: json (shard-1.json); sarif (shard-1.sarif)");
    refuse([...shardFiles("json"), "-f", "sarif"], "merged JSON results can be written as json, markdown, csv, github, junit, html (not sarif)");
    expect(runCli(["merge", "whole.json", "-f", "json", "-f", "markdown"], { cwd: directory })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: merge writes one result: give at most one --format and one -o\n",
    });
    refuse([], "merge needs result files: campaign-ims merge shard-1.json shard-2.json … [-f FORMAT] [-o FILE]");
    refuse(["nothing.json"], "cannot read nothing.json: not found");

    const variant = (name: string, change: (data: Record<string, any>) => void): string => {
      const data = JSON.parse(read(directory, "whole.json")) as Record<string, any>;
      change(data);
      writeFileSync(join(directory, name), JSON.stringify(data));
      return name;
    };
    refuse(["whole.json", variant("old.json", (data) => (data.tool.version = "0.0.1"))], "cannot merge results of different tool versions: 0.1.0 (whole.json); 0.0.1 (old.json)");
    refuse(
      ["whole.json", variant("elsewhere.json", (data) => (data.root = "/elsewhere"))],
      `cannot merge results of different scan roots: ${root} (whole.json); /elsewhere (elsewhere.json)`,
    );
    refuse(
      ["whole.json", variant("strict.json", (data) => (data.summary.profile = "strict"))],
      "cannot merge results of different profiles: recommended (whole.json); strict (strict.json)",
    );
    refuse(["whole.json", "whole.json"], ".env.example is in both whole.json and whole.json: merge results of disjoint shards or paths, or it would count twice");
    writeFileSync(join(directory, "notes.json"), '{"hello": "world"}');
    refuse(["notes.json"], "notes.json: neither a campaign-ims JSON result (version 1) nor a SARIF 2.1.0 log");
    writeFileSync(join(directory, "broken.json"), "{");
    expect(runCli(["merge", "broken.json"], { cwd: directory }).stderr).toMatch(/^campaign-ims: error: broken\.json: not valid JSON \(/);
  });
});
