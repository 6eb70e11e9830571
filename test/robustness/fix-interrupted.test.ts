/**
 * `scan --fix` killed with SIGKILL at random moments: every file is either untouched or fully
 * fixed (byte for byte what a completed run writes), never half written, and the only other files
 * left are the writer's temporary files: hidden, named after their file
 * (`.<name>.campaign-ims-fix-<pid>-<random>.tmp`, docs/scanner.md "Writing") and never scanned.
 *
 * The tree: 150 copies of fixtures/scanner/fix/repo (600 files with fixes, each written with its
 * own fsync, so the write phase lasts seconds). Kill moments are spread over a completed run's
 * duration by a seeded generator (test/support/properties.ts: fixed in `npm test`, new in `npm run
 * fuzz`); a failure names the seed and the moment.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CLI, FIXTURES } from "../cli/support/run-cli.js";
import { propertySeed } from "../support/properties.js";

const COPIES = 150;
const KILLS = 6;
const TEMPORARY_FILE = /^\.(?<name>.+)\.campaign-ims-fix-\d+-[0-9a-f]{8}\.tmp$/u;

/** Every file under a directory, by POSIX path relative to it. */
function snapshot(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(directory, join(entry.parentPath, entry.name)).split("\\").join("/"), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

let workspace: string;
let original: string;
let before: Map<string, Buffer>;
let fixed: Map<string, Buffer>;
let completedRunMs: number;

/** A fresh copy of the original tree. */
function copyOfOriginal(name: string): string {
  const directory = join(workspace, name);
  cpSync(original, directory, { recursive: true });
  return directory;
}

const FIX_ARGS = ["scan", "--fix", "-q", "-f", "json", "-o", "/dev/null", "--fail-on", "none"];

beforeAll(() => {
  assertBuilt();
  workspace = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-fix-kill-")));
  original = join(workspace, "original");
  for (let copy = 0; copy < COPIES; copy++) cpSync(join(FIXTURES, "scanner/fix/repo"), join(original, `team-${String(copy).padStart(3, "0")}`), { recursive: true });
  before = snapshot(original);
  // The fully fixed version: a run that completes, on a copy.
  const reference = copyOfOriginal("reference");
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...FIX_ARGS], { cwd: reference, encoding: "utf8", timeout: 300_000 });
  completedRunMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`the reference --fix run failed (${run.status}): ${run.stderr}`);
  fixed = snapshot(reference);
}, 600_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

/** Starts `scan --fix` in `directory` and kills it with SIGKILL after `delayMs`; resolves once it is gone. */
function fixAndKill(directory: string, delayMs: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...FIX_ARGS], { cwd: directory, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

describe("scan --fix killed with SIGKILL", { timeout: 900_000 }, () => {
  it("the reference run fixes many files and leaves the others as they were", () => {
    const changed = [...before].filter(([path, bytes]) => !fixed.get(path)!.equals(bytes));
    expect(changed.length).toBe(4 * COPIES);
    expect([...fixed.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it(`${KILLS} kills at random moments: every file untouched or fully fixed, only named temporary files besides`, async () => {
    const seed = propertySeed();
    const moments = fc.sample(fc.integer({ min: 0, max: Math.ceil(completedRunMs) }), { numRuns: KILLS, seed });
    let partial = 0;
    for (const [attempt, delayMs] of moments.entries()) {
      const context = `seed ${seed}, kill ${attempt} after ${delayMs} ms of a ${Math.round(completedRunMs)} ms run`;
      const directory = copyOfOriginal(`killed-${attempt}`);
      const signal = await fixAndKill(directory, delayMs);
      const after = snapshot(directory);

      const notOriginalNorFixed: string[] = [];
      let fixedFiles = 0;
      let untouched = 0;
      for (const [path, bytes] of before) {
        const now = after.get(path);
        if (now?.equals(fixed.get(path)!) && !bytes.equals(now)) fixedFiles++;
        else if (now?.equals(bytes)) untouched++;
        else notOriginalNorFixed.push(path);
      }
      const leftovers = [...after.keys()].filter((path) => !before.has(path));
      const unnamed = leftovers.filter((path) => {
        const match = TEMPORARY_FILE.exec(path.slice(path.lastIndexOf("/") + 1));
        return match === null || !before.has(`${path.slice(0, path.lastIndexOf("/") + 1)}${match.groups!.name}`);
      });
      expect({ context, notOriginalNorFixed, unnamed }).toEqual({ context, notOriginalNorFixed: [], unnamed: [] });
      if (signal === "SIGKILL" && fixedFiles > 0 && fixedFiles < 4 * COPIES) partial++;

      // Whatever was left is scanned as usual: temporary files are not source files.
      const rescan = spawnSync(process.execPath, [CLI, "scan", "-f", "json", "--fail-on", "none"], { cwd: directory, encoding: "utf8", timeout: 300_000 });
      const report = JSON.parse(rescan.stdout) as { findings: Array<{ path: string }>; skipped: Array<{ path: string }>; errors: Array<{ path: string }> };
      const mentioned = [...report.findings, ...report.skipped, ...report.errors].map((entry) => entry.path);
      expect({ context, scannedTemporaryFiles: mentioned.filter((path) => leftovers.includes(path)) }).toEqual({ context, scannedTemporaryFiles: [] });
      expect(untouched + fixedFiles).toBe(before.size);
      rmSync(directory, { recursive: true, force: true });
    }
    // At least one kill landed while files were being written: the check saw a mixed tree.
    expect({ seed, partial: partial > 0 }).toEqual({ seed, partial: true });
  });
});
