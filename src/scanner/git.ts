/**
 * Running the git binary for the scans that ask git which files or blobs to read (--staged,
 * --changed, --history). Every call names its arguments in full (no shell); output is read as
 * bytes, paths come NUL-separated (-z) so no name is ever quoted or mangled. A git failure is a
 * configuration problem for the scan (exit code 2), with git's own message.
 */
import { spawnSync } from "node:child_process";
import { ScanConfigError } from "./types.js";

/** Output up to this size is read in one go; history scans stream blobs instead (history.ts). */
const MAX_BUFFER = 512 * 1024 * 1024;

export function gitBytes(cwd: string, args: readonly string[], input?: string): Buffer {
  const run = spawnSync("git", args, { cwd, maxBuffer: MAX_BUFFER, ...(input === undefined ? {} : { input }) });
  if (run.error !== undefined) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new ScanConfigError(code === "ENOENT" ? "git is not installed (the git binary is needed for --staged, --changed and --history)" : `git ${args[0]}: ${run.error.message}`);
  }
  if (run.status !== 0) {
    const message = run.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    throw new ScanConfigError(`git ${args.join(" ")} failed: ${message || `exit code ${run.status}`}`);
  }
  return run.stdout;
}

export const git = (cwd: string, args: readonly string[], input?: string): string => gitBytes(cwd, args, input).toString("utf8");

/** The top directory of the work tree `directory` is in (a ScanConfigError outside one). */
export function workTreeTop(directory: string): string {
  const run = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: directory, encoding: "utf8" });
  if (run.error !== undefined || run.status !== 0) {
    throw new ScanConfigError(`${directory} is not in a git work tree (--staged, --changed and --history read git)`);
  }
  return run.stdout.trim();
}

/** Whether `revision` names a commit. */
export function isCommit(cwd: string, revision: string): boolean {
  return spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], { cwd }).status === 0;
}

/** `git diff --name-status -z` output: [status letter, path] pairs (renames are off). */
export function parseNameStatus(output: string): Array<{ status: string; path: string }> {
  const fields = output.split("\0");
  const entries: Array<{ status: string; path: string }> = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    entries.push({ status: fields[index]!.charAt(0), path: fields[index + 1]! });
  }
  return entries;
}
