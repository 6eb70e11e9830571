/**
 * The file walk: depth-first over each scan path, one directory listing in memory per level, so
 * memory stays bounded by the tree's depth whatever its size. Entries are visited in code-unit
 * order of their names, so the walk is the same on every machine.
 *
 * - `node_modules` and `.git` are never entered; `.gitignore` / `.campaign-imsignore` (nested) and
 *   `exclude` prune files and directories; `include`, when set, keeps only matching files.
 * - Symbolic links are not followed (no loops, no escaping the root): they are listed as skipped
 *   when they point at a directory or at a file of a scanned type.
 * - A path named on the command line is scanned even when an ignore file matches it; a file from
 *   a file list (--staged, --changed, --files-from) is not.
 *
 * Why not fast-glob (or another glob library): nested ignore files apply below their directory and
 * may re-include (`!keep.xml`) what a parent's rules exclude, which needs the chain of ignore files
 * at each level (`ignore-files.ts`); every file left out needs a reason for the report (link,
 * unsupported type, ignored by which source); and entries stream in one sorted order, so results,
 * shards and baselines are identical on every machine without listing the whole tree first.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { chainAbove, DEFAULT_IGNORE_FILE_OPTIONS, IgnoreChain, type IgnoreFileOptions } from "./ignore-files.js";
import { InputFileError } from "./read-file.js";
import { isFixTemporaryFile } from "./fix/atomic-write.js";
import type { IgnoredCounts, SkipReason } from "./types.js";

/** The walk's own configuration (read, not scanned): not listed as files of an unsupported type. */
const WALK_FILES: ReadonlySet<string> = new Set([".gitignore", ".campaign-imsignore"]);

/** Directories the walk never enters. */
export const DEFAULT_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(["node_modules", ".git"]);

export type WalkEntry =
  | { type: "file"; path: string; absolutePath: string }
  | { type: "skipped"; path: string; reason: SkipReason; detail: string }
  /** `by`: with cause `ignoreFiles`, the ignore file that decided (relative to the root). */
  | { type: "ignored"; path: string; cause: keyof IgnoredCounts; by?: string };

export interface WalkOptions {
  root: string;
  /** Absolute paths inside `root`. */
  paths: readonly string[];
  include: readonly string[];
  exclude: readonly string[];
  /** Whether some enabled language lints a file at this absolute path (by name). */
  isScannedType: (absolutePath: string) => boolean;
  /**
   * `paths` come from a file list (file-list.ts), not the command line: files in it pass ignore
   * files, `include` and the type check as walked files do, silently.
   */
  listed?: boolean;
  /** The ignore files read (default: `.gitignore` and `.campaign-imsignore`). */
  ignoreFiles?: IgnoreFileOptions;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const toPosix = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"));

const errorDetail = (error: unknown): string => {
  if (error instanceof InputFileError) return error.message;
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message;
};

export function* walk(options: WalkOptions): Generator<WalkEntry> {
  const { root, isScannedType } = options;
  const relativePath = (absolute: string): string => toPosix(relative(root, absolute)) || ".";
  const include: Ignore | undefined = options.include.length > 0 ? ignore().add([...options.include]) : undefined;
  const exclude: Ignore | undefined = options.exclude.length > 0 ? ignore().add([...options.exclude]) : undefined;
  const isExcluded = (path: string, isDirectory: boolean): boolean =>
    exclude !== undefined && path !== "." && exclude.ignores(isDirectory ? `${path}/` : path);

  const ignoreFileOptions = options.ignoreFiles ?? DEFAULT_IGNORE_FILE_OPTIONS;
  const byIgnoreFile = (path: string, file: string): WalkEntry => ({ type: "ignored", path, cause: "ignoreFiles", by: relativePath(file) });
  // Unreadable ignore files are reported as skipped once each.
  const unreadableIgnoreFiles: WalkEntry[] = [];
  const onIgnoreFileError = (file: string, error: NodeJS.ErrnoException): void => {
    unreadableIgnoreFiles.push({ type: "skipped", path: relativePath(file), reason: "unreadable", detail: errorDetail(error) });
  };
  const drainIgnoreFileErrors = function* (): Generator<WalkEntry> {
    yield* unreadableIgnoreFiles.splice(0);
  };

  /** A file (or a link to one) reached by the walk. */
  const visitFile = function* (absolute: string, dirent: Dirent | undefined, chain: IgnoreChain, named: boolean): Generator<WalkEntry> {
    const path = relativePath(absolute);
    // Files of types no rule lints are listed as skipped (by extension in the summary), unless an
    // ignore file, `exclude` or `include` leaves them out anyway.
    if (!isScannedType(absolute)) {
      if (named) return yield { type: "skipped", path, reason: "unsupported-type", detail: "no enabled rule lints this type of file" };
      // Nor a temporary file a killed `--fix` left behind: it is ours, not the repository's.
      if (WALK_FILES.has(basename(absolute)) || isFixTemporaryFile(basename(absolute)) || chain.ignores(absolute, false) || isExcluded(path, false) || (include !== undefined && !include.ignores(path))) return;
      if (dirent !== undefined && !dirent.isFile()) return;
      yield { type: "skipped", path, reason: "unsupported-type", detail: `no reader for ${fileTypeOf(path)} files` };
      return;
    }
    const ignoredBy = named ? undefined : chain.ignoredBy(absolute, false);
    if (ignoredBy !== undefined) return yield byIgnoreFile(path, ignoredBy);
    if (isExcluded(path, false)) return yield { type: "ignored", path, cause: "excluded" };
    if (!named && include !== undefined && !include.ignores(path)) return yield { type: "ignored", path, cause: "notIncluded" };
    if (dirent !== undefined && !dirent.isFile()) {
      return yield { type: "skipped", path, reason: "not-a-regular-file", detail: describeSpecialFile(dirent) };
    }
    yield { type: "file", path, absolutePath: absolute };
  };

  const visitDirectory = function* (start: string): Generator<WalkEntry> {
    // Each stack frame is a directory still to be listed, with the ignore files above it.
    const stack: Array<{ directory: string; chain: IgnoreChain }> = [
      { directory: start, chain: chainAbove(root, start, onIgnoreFileError, ignoreFileOptions) },
    ];
    yield* drainIgnoreFileErrors();
    while (stack.length > 0) {
      const { directory, chain: above } = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(directory, { withFileTypes: true }).sort(byName);
      } catch (error) {
        yield { type: "skipped", path: relativePath(directory), reason: "unreadable", detail: errorDetail(error) };
        continue;
      }
      // The directory's own ignore files, read only when the listing shows them.
      const chain = above.extend(directory, onIgnoreFileError, new Set(entries.map((entry) => entry.name)));
      yield* drainIgnoreFileErrors();
      const subdirectories: Array<{ directory: string; chain: IgnoreChain }> = [];
      for (const dirent of entries) {
        const absolute = join(directory, dirent.name);
        if (dirent.isDirectory()) {
          const path = relativePath(absolute);
          const ignoredBy = DEFAULT_SKIPPED_DIRECTORIES.has(dirent.name) ? undefined : chain.ignoredBy(absolute, true);
          if (DEFAULT_SKIPPED_DIRECTORIES.has(dirent.name)) yield { type: "ignored", path, cause: "defaultDirectories" };
          else if (ignoredBy !== undefined) yield byIgnoreFile(path, ignoredBy);
          else if (isExcluded(path, true)) yield { type: "ignored", path, cause: "excluded" };
          else {
            subdirectories.push({ directory: absolute, chain: chain.enter(absolute) });
          }
        } else if (dirent.isSymbolicLink()) {
          yield* visitSymlink(absolute, chain);
        } else {
          yield* visitFile(absolute, dirent, chain, false);
        }
      }
      // Reversed so the first subdirectory is walked first.
      stack.push(...subdirectories.reverse());
    }
  };

  const visitSymlink = function* (absolute: string, chain: IgnoreChain): Generator<WalkEntry> {
    const path = relativePath(absolute);
    let target: ReturnType<typeof statSync> | undefined;
    try {
      target = statSync(absolute);
    } catch {
      target = undefined;
    }
    const isDirectory = target?.isDirectory() ?? false;
    const ignoredBy = chain.ignoredBy(absolute, isDirectory);
    if (ignoredBy !== undefined) return yield byIgnoreFile(path, ignoredBy);
    if (isExcluded(path, isDirectory)) return yield { type: "ignored", path, cause: "excluded" };
    if (!isDirectory && !isScannedType(absolute)) return;
    const what = target === undefined ? "broken link" : isDirectory ? "link to a directory" : "link to a file";
    yield { type: "skipped", path, reason: "symlink", detail: `${what}; links are not followed` };
  };

  /** A file from a file list: ignored when the walk would not have entered a directory above it. */
  const visitListedFile = function* (start: string, dirent: Dirent): Generator<WalkEntry> {
    let directory = root;
    let chain = chainAbove(root, root, onIgnoreFileError, ignoreFileOptions).extend(root, onIgnoreFileError);
    for (const name of relative(root, dirname(start)).split(sep).filter((part) => part !== "")) {
      const next = join(directory, name);
      const ignored = (cause: keyof IgnoredCounts): WalkEntry => ({ type: "ignored", path: relativePath(start), cause });
      if (DEFAULT_SKIPPED_DIRECTORIES.has(name)) return yield ignored("defaultDirectories");
      const ignoredBy = chain.ignoredBy(next, true);
      if (ignoredBy !== undefined) return yield byIgnoreFile(relativePath(start), ignoredBy);
      if (isExcluded(relativePath(next), true)) return yield ignored("excluded");
      chain = chain.enter(next).extend(next, onIgnoreFileError);
      directory = next;
    }
    yield* drainIgnoreFileErrors();
    yield* visitFile(start, dirent, chain, false);
  };

  for (const start of options.paths) {
    const stats = lstatSync(start);
    if (stats.isDirectory()) {
      yield* visitDirectory(start);
    } else if (stats.isSymbolicLink()) {
      yield* visitSymlink(start, chainAbove(root, start, onIgnoreFileError, ignoreFileOptions));
    } else {
      const dirent = direntFor(start, stats);
      if (options.listed === true) {
        yield* visitListedFile(start, dirent);
      } else {
        yield* visitFile(start, dirent, IgnoreChain.start(ignoreFileOptions), true);
      }
    }
    yield* drainIgnoreFileErrors();
  }
}

/**
 * The file type of a path for the unsupported-type summary: its extension in lower case (`.png`),
 * or its name for files without one (`LICENSE`, `.gitignore`).
 */
export function fileTypeOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : base;
}

/** What kind of special file a directory entry is. */
function describeSpecialFile(entry: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (entry.isFIFO()) return "named pipe (FIFO)";
  if (entry.isSocket()) return "socket";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "device";
  return "not a regular file";
}

/** A Dirent-like view of an lstat result, for paths named on the command line. */
function direntFor(path: string, stats: ReturnType<typeof lstatSync>): Dirent {
  return Object.assign(Object.create(null) as object, {
    name: basename(path),
    isFile: () => stats!.isFile(),
    isDirectory: () => stats!.isDirectory(),
    isSymbolicLink: () => stats!.isSymbolicLink(),
    isFIFO: () => stats!.isFIFO(),
    isSocket: () => stats!.isSocket(),
    isCharacterDevice: () => stats!.isCharacterDevice(),
    isBlockDevice: () => stats!.isBlockDevice(),
  }) as unknown as Dirent;
}
