/**
 * Output is byte-identical whatever the concurrency: the same tree scanned in the main thread,
 * with 2 and 3 worker threads, and with "auto" (a pool past 200 files to parse, on 3+ cores).
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, FIXTURES, runCli } from "./support/run-cli.js";

let tree: string;
let outputs: string;
beforeAll(() => {
  outputs = mkdtempSync(join(tmpdir(), "campaign-ims-concurrency-out-"));
  assertBuilt();
  // 24 copies of the demo repository and 4 of the planted secrets: well over 200 files to parse.
  tree = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-concurrency-")));
  for (let copy = 0; copy < 24; copy++) cpSync(join(FIXTURES, "legacy-repo"), join(tree, `team-${String(copy).padStart(2, "0")}`), { recursive: true });
  for (let copy = 0; copy < 4; copy++) cpSync(join(FIXTURES, "scanner/planted-secrets"), join(tree, `ops-${copy}`), { recursive: true });
}, 120_000);
afterAll(() => {
  rmSync(tree, { recursive: true, force: true });
  rmSync(outputs, { recursive: true, force: true });
});

function scanWith(concurrency: string): { json: string; sarif: string; text: string; stderr: string; code: number | null } {
  const out = join(outputs, concurrency);
  const run = runCli(
    ["scan", "--concurrency", concurrency, "--verbose", "-f", "json", "-o", `${out}/r.json`, "-f", "sarif", "-o", `${out}/r.sarif`, "-f", "text"],
    { cwd: tree },
  );
  return {
    json: readFileSync(`${out}/r.json`, "utf8"),
    sarif: readFileSync(`${out}/r.sarif`, "utf8"),
    text: run.stdout,
    stderr: run.stderr,
    code: run.code,
  };
}

describe("concurrency", { timeout: 300_000 }, () => {
  it("gives byte-identical JSON, SARIF and text with 1, 2, 3 threads and auto", () => {
    const single = scanWith("1");
    expect(single.code).toBe(1);
    expect(single.stderr).not.toContain("worker threads");
    const findings = (JSON.parse(single.json) as { findings: unknown[] }).findings.length;
    expect(findings).toBeGreaterThan(500);
    for (const concurrency of ["2", "3", "auto"]) {
      const pooled = scanWith(concurrency);
      // "auto" uses a pool only with 3 cores or more.
      if (concurrency !== "auto" || availableParallelism() > 2) expect(pooled.stderr).toMatch(/campaign-ims: linting in \d+ worker threads\n/);
      expect(pooled.code).toBe(1);
      expect(pooled.json).toBe(single.json);
      expect(pooled.sarif).toBe(single.sarif);
      expect(pooled.text).toBe(single.text);
    }
  });
});
