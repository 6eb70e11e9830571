/**
 * `scan --fix` killed with SIGKILL at random moments: every file is either untouched or fully
 * fixed (byte for byte what a completed run writes), never half written, and the only other files
 * left are the writer's temporary files: hidden, named after their file
 * (`.<name>.campaign-ims-fix-<pid>-<random>.tmp`, docs/scanner.md "Writing") and never scanned.
 *
 * The tree: 150 copies of fixtures/scanner/fix/repo (600 files with fixes, each written with its
 * own fsync, so the write phase lasts seconds). Some kills come at moments spread over a completed
 * run's duration (any phase: walk, parse, write), the others after a number of files were
 * replaced (watched with fs.watch), so that kills land in the write phase however fast or busy
 * the machine is. Moments and counts come from a seeded generator (test/support/properties.ts:
 * fixed in `npm test`, new in `npm run fuzz`); a failure names the seed and the kill.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CLI, FIXTURES } from "../cli/support/run-cli.js";
import { propertySeed } from "../support/properties.js";

const COPIES = 150;
/**
 * Files of each copy that --fix rewrites: docs/runbook.md, requests/push.http, soap/push-event.xml.
 * src/push.mjs keeps its session token: with no Authorization header in that file, emptying it is
 * a suggestion, never a fix (the request would be left without a credential).
 */
const FIXED_PER_COPY = 3;
/** Kills at a moment of a run's duration, and kills after a number of replaced files. */
const TIMED_KILLS = 2;
const WRITE_KILLS = 4;
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

type Kill = { afterMs: number } | { afterWrites: number };

/**
 * Starts `scan --fix` in `directory` and kills it with SIGKILL after `afterMs`, or once it has
 * replaced `afterWrites` files (renamed a temporary file over them); resolves once it is gone.
 */
function fixAndKill(directory: string, kill: Kill): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    // Only a replaced file has events under its own name (reading a file makes none; the writer's
    // temporary files have their own names). Node reports a replacement as "rename" or "change".
    const replaced = new Set<string>();
    const watcher =
      "afterWrites" in kill
        ? watch(directory, { recursive: true }, (_event, name) => {
            if (name === null || TEMPORARY_FILE.test(basename(name)) || replaced.has(name)) return;
            replaced.add(name);
            if (replaced.size === kill.afterWrites) child.kill("SIGKILL");
          })
        : undefined;
    const child = spawn(process.execPath, [CLI, ...FIX_ARGS], { cwd: directory, stdio: "ignore" });
    const timer = "afterMs" in kill ? setTimeout(() => child.kill("SIGKILL"), kill.afterMs) : undefined;
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve(signal);
    });
  });
}

describe("scan --fix killed with SIGKILL", { timeout: 900_000 }, () => {
  it("the reference run fixes many files and leaves the others as they were", () => {
    const changed = [...before].filter(([path, bytes]) => !fixed.get(path)!.equals(bytes));
    expect(changed.length).toBe(FIXED_PER_COPY * COPIES);
    expect([...fixed.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it(`${TIMED_KILLS + WRITE_KILLS} kills at random moments: every file untouched or fully fixed, only named temporary files besides`, async () => {
    const seed = propertySeed();
    const kills: Kill[] = [
      ...fc.sample(fc.integer({ min: 0, max: Math.ceil(completedRunMs) }), { numRuns: TIMED_KILLS, seed }).map((afterMs) => ({ afterMs })),
      // At most half of the files: the rest cannot be written before the kill lands.
      ...fc.sample(fc.integer({ min: 1, max: 2 * COPIES }), { numRuns: WRITE_KILLS, seed }).map((afterWrites) => ({ afterWrites })),
    ];
    let partial = 0;
    for (const [attempt, kill] of kills.entries()) {
      const when = "afterMs" in kill ? `after ${kill.afterMs} ms of a ${Math.round(completedRunMs)} ms run` : `after ${kill.afterWrites} files were written`;
      const context = `seed ${seed}, kill ${attempt} ${when}`;
      const directory = copyOfOriginal(`killed-${attempt}`);
      const signal = await fixAndKill(directory, kill);
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
      if (signal === "SIGKILL" && fixedFiles > 0 && fixedFiles < FIXED_PER_COPY * COPIES) partial++;

      // Whatever was left is scanned as usual: temporary files are not source files.
      const rescan = spawnSync(process.execPath, [CLI, "scan", "-f", "json", "--fail-on", "none"], { cwd: directory, encoding: "utf8", timeout: 300_000 });
      const report = JSON.parse(rescan.stdout) as { findings: Array<{ path: string }>; skipped: Array<{ path: string }>; errors: Array<{ path: string }> };
      const mentioned = [...report.findings, ...report.skipped, ...report.errors].map((entry) => entry.path);
      expect({ context, scannedTemporaryFiles: mentioned.filter((path) => leftovers.includes(path)) }).toEqual({ context, scannedTemporaryFiles: [] });
      expect(untouched + fixedFiles).toBe(before.size);
      rmSync(directory, { recursive: true, force: true });
    }
    // The check saw mixed trees: a kill landed while files were being written. How many of the
    // write-triggered kills land before the last write depends on scheduling (on a loaded machine the
    // watcher's event can arrive after the run wrote everything), so at least one, not all of them.
    expect({ seed, partial: partial >= 1 }).toEqual({ seed, partial: true });
  });
});
