/**
 * Files that change between the walk and the read: the walk lists a directory, then reads its
 * files one by one, so a file can be deleted, or replaced by a named pipe, in between. The scan
 * must list it and go on: a deleted file is unreadable (ENOENT); a pipe is not a regular file,
 * and opening it must not wait for a writer that never comes (it did: the scan hung forever).
 *
 * The swap happens from the scan's progress hook, after the first file of the directory is done
 * and before the second is read. Each scan runs in a child process with a time limit, on the
 * built package, so a scan that blocks fails the test instead of hanging it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../../dist/src/", import.meta.url));

/** Scans `root` in a child process; `swap` (shell code, run in `root`) runs once the first file is done. */
function scanWithSwap(root: string, swap: string): { status: number | null; result?: { skipped: unknown[]; findings: Array<{ path: string }> } } {
  const script = `
    import { execSync } from "node:child_process";
    import { resolveScanSettings } from ${JSON.stringify(`${DIST}scanner/scan-settings.js`)};
    import { scan } from ${JSON.stringify(`${DIST}scanner/scan.js`)};
    const { scan: settings } = resolveScanSettings({ cwd: ${JSON.stringify(root)}, paths: [], concurrency: "1" });
    let swapped = false;
    const result = await scan(settings, {
      onProgress: (progress) => {
        if (!swapped && progress.done === 1) {
          swapped = true;
          execSync(${JSON.stringify(swap)}, { cwd: ${JSON.stringify(root)} });
        }
      },
    });
    process.stdout.write(JSON.stringify({ skipped: result.skipped, findings: result.findings.map(({ path }) => ({ path })) }));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
  return child.status === 0 ? { status: 0, result: JSON.parse(child.stdout) } : { status: child.status };
}

const LEGACY = 'import sdk from "@adobe/acc-js-sdk";\nsdk.ConnectionParameters.ofUserAndPassword(url, "admin", pw);\n';

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-swap-")));
  writeFileSync(join(root, "a.ts"), LEGACY);
  writeFileSync(join(root, "b.ts"), LEGACY);
  writeFileSync(join(root, "c.ts"), LEGACY);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("files that change between the walk and the read", { timeout: 120_000 }, () => {
  it("a file deleted after the walk listed it: listed as unreadable, the scan goes on", () => {
    expect(scanWithSwap(root, "rm b.ts")).toEqual({
      status: 0,
      result: { skipped: [{ path: "b.ts", reason: "unreadable", detail: "ENOENT" }], findings: [{ path: "a.ts" }, { path: "c.ts" }] },
    });
  });

  it("a file replaced by a named pipe after the walk: listed as not a regular file, the scan does not wait on it", () => {
    expect(scanWithSwap(root, "rm b.ts && mkfifo b.ts")).toEqual({
      status: 0,
      result: { skipped: [{ path: "b.ts", reason: "not-a-regular-file", detail: "not a regular file" }], findings: [{ path: "a.ts" }, { path: "c.ts" }] },
    });
  });
});
