/**
 * Scanning a list of files instead of a tree: `--staged` (the index against HEAD, for pre-commit),
 * `--changed [REF]` (the work tree against the merge base of REF and HEAD, for pull requests) and
 * `--files-from FILE|-` (one path a line, or NUL-separated; `-` is stdin). Listed paths that no
 * longer exist (deletions) are not scanned and are named; an empty list scans nothing. The listed
 * files then go through the walk's usual filters: ignore files, `include`, `exclude`, types.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { git, isCommit, parseNameStatus, workTreeTop } from "./git.js";
import { formatByteSize } from "./byte-size.js";
import { InputFileError, readInputFile } from "./read-file.js";
import { ScanConfigError } from "./types.js";

/** The largest list `--files-from` reads (a file or stdin): about a million paths. */
export const MAX_FILE_LIST_BYTES = 64 * 1024 * 1024;

export type FileListSource =
  | { kind: "staged" }
  | { kind: "changed"; ref?: string }
  | { kind: "files-from"; file: string };

export interface FileList {
  /** How the list was made, for messages: `--changed origin/main`. */
  description: string;
  /** Absolute paths inside the scan root that exist. */
  paths: string[];
  /** Listed paths that do not exist (deleted), relative to the scan root, `/`-separated. */
  deleted: string[];
  /** Listed paths outside the scan root (not scanned). */
  outside: number;
  /** Distinct paths the list named. */
  listed: number;
}

export interface FileListContext {
  cwd: string;
  /** Absolute, real scan root. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** All of standard input, at most `maxBytes` bytes (larger: throws). */
  readStdin: (maxBytes: number) => string;
}

/** The ref `--changed` compares with when none is given: the pull request's base, else origin/HEAD. */
export function defaultChangedRef(root: string, env: NodeJS.ProcessEnv): string {
  const base = env.GITHUB_BASE_REF;
  if (base !== undefined && base !== "") return `origin/${base}`;
  if (isCommit(root, "origin/HEAD")) return "origin/HEAD";
  throw new ScanConfigError("--changed: no REF given and no default (GITHUB_BASE_REF unset, no origin/HEAD): give one, e.g. --changed origin/main");
}

function gitList(source: Exclude<FileListSource, { kind: "files-from" }>, context: FileListContext): { description: string; top: string; entries: Array<{ status: string; path: string }> } {
  const top = workTreeTop(context.root);
  if (source.kind === "staged") {
    return { description: "--staged", top, entries: parseNameStatus(git(top, ["diff", "--cached", "--name-status", "--no-renames", "-z"])) };
  }
  const ref = source.ref ?? defaultChangedRef(top, context.env);
  if (!isCommit(top, ref)) throw new ScanConfigError(`--changed: "${ref}" is not a commit in this repository (fetch it first, e.g. git fetch origin)`);
  const base = (() => {
    try {
      return git(top, ["merge-base", "--end-of-options", ref, "HEAD"]).trim();
    } catch {
      throw new ScanConfigError(`--changed: ${ref} and HEAD have no common ancestor here (a shallow clone? check out with fetch-depth: 0)`);
    }
  })();
  return { description: `--changed ${ref}`, top, entries: parseNameStatus(git(top, ["diff", "--name-status", "--no-renames", "-z", base])) };
}

/** Paths of a list file: NUL-separated when it holds a NUL, else one a line; blank lines ignored. */
export function parseListText(text: string): string[] {
  const parts = text.includes("\0") ? text.split("\0") : text.split(/\r?\n/);
  return parts.filter((part) => part.trim() !== "");
}

export function resolveFileList(source: FileListSource, context: FileListContext): FileList {
  let description: string;
  let listed: Array<{ absolute: string; deleted: boolean }>;
  if (source.kind === "files-from") {
    description = `--files-from ${source.file}`;
    let text: string;
    try {
      // Read like every other input the tool opens: a regular file, through no symlink, size-limited.
      text = source.file === "-" ? context.readStdin(MAX_FILE_LIST_BYTES) : readInputFile(resolve(context.cwd, source.file), MAX_FILE_LIST_BYTES);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new ScanConfigError(`--files-from: cannot read ${source.file}: ${code === "ENOENT" || !(error instanceof InputFileError) ? (code ?? message) : message}`);
    }
    if (source.file === "-" && Buffer.byteLength(text) > MAX_FILE_LIST_BYTES) {
      throw new ScanConfigError(`--files-from: cannot read -: larger than the ${formatByteSize(MAX_FILE_LIST_BYTES)} limit`);
    }
    listed = parseListText(text).map((path) => {
      const absolute = resolve(context.cwd, path);
      return { absolute, deleted: !existsSync(absolute) };
    });
  } else {
    const list = gitList(source, context);
    description = list.description;
    listed = list.entries.map(({ status, path }) => {
      const absolute = join(list.top, path);
      return { absolute, deleted: status === "D" || !existsSync(absolute) };
    });
  }
  const paths = new Set<string>();
  const deleted = new Set<string>();
  const seen = new Set<string>();
  let outside = 0;
  for (const entry of listed) {
    if (seen.has(entry.absolute)) continue;
    seen.add(entry.absolute);
    const fromRoot = relative(context.root, entry.absolute);
    if (fromRoot.startsWith(`..${sep}`) || fromRoot === ".." || isAbsolute(fromRoot)) {
      outside++;
      continue;
    }
    if (entry.deleted) deleted.add(fromRoot.split(sep).join("/") || ".");
    else paths.add(entry.absolute);
  }
  return { description, paths: [...paths].sort(), deleted: [...deleted].sort(), outside, listed: seen.size };
}
