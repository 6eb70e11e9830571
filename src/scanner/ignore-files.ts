/**
 * `.gitignore` and `.campaign-imsignore` files, nested as git nests them: each file's patterns are
 * relative to its directory, deeper files override shallower ones (a `!pattern` can re-include),
 * and in one directory `.campaign-imsignore` comes after `.gitignore` so it can override it.
 * Matching uses the `ignore` package (gitignore semantics). Ignore files and `.git` files are read
 * with readInputFile: a FIFO, a device or a symbolic link there is refused, never waited on or followed.
 */
import { dirname, join, parse } from "node:path";
import ignore, { type Ignore } from "ignore";
import { MAX_CONTROL_FILE_BYTES, readInputFile } from "./read-file.js";

export const IGNORE_FILE_NAMES = [".gitignore", ".campaign-imsignore"] as const;

interface IgnoreFile {
  /** Absolute path of the ignore file. */
  file: string;
  /** Absolute directory the patterns are relative to. */
  directory: string;
  matcher: Ignore;
}

/** Which ignore files a walk reads, and who hears about each one read. */
export interface IgnoreFileOptions {
  /** The names read in each directory (--no-config: `.gitignore` only). */
  names: readonly string[];
  /** Called with each ignore file read (absolute path) and its text. */
  onRead?: (file: string, text: string) => void;
}

export const DEFAULT_IGNORE_FILE_OPTIONS: IgnoreFileOptions = { names: IGNORE_FILE_NAMES };

/** The ignore files that apply in one directory: its ancestors' and its own, outermost first. */
export class IgnoreChain {
  private constructor(
    private readonly files: readonly IgnoreFile[],
    private readonly options: IgnoreFileOptions,
  ) {}

  static readonly empty = new IgnoreChain([], DEFAULT_IGNORE_FILE_OPTIONS);

  /** An empty chain whose `extend` reads the ignore files `options` names. */
  static start(options: IgnoreFileOptions): IgnoreChain {
    return new IgnoreChain([], options);
  }

  /**
   * This chain plus the ignore files of `directory` (unreadable ones are reported to `onError`).
   * With `present`, the names listed in the directory, only ignore files that exist are opened.
   */
  extend(directory: string, onError: (file: string, error: NodeJS.ErrnoException) => void, present?: ReadonlySet<string>): IgnoreChain {
    const added: IgnoreFile[] = [];
    for (const name of this.options.names) {
      if (present !== undefined && !present.has(name)) continue;
      const file = join(directory, name);
      let text: string;
      try {
        text = readInputFile(file, MAX_CONTROL_FILE_BYTES);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "ENOENT" && code !== "ENOTDIR") onError(file, error as NodeJS.ErrnoException);
        continue;
      }
      this.options.onRead?.(file, text);
      added.push({ file, directory, matcher: ignore({ allowRelativePaths: true }).add(text) });
    }
    return added.length === 0 ? this : new IgnoreChain([...this.files, ...added], this.options);
  }

  /**
   * The chain inside `directory`, a directory this chain does not ignore. An ignore file that
   * ignores the directory (which a later file re-included, e.g. `!generated/` in
   * .campaign-imsignore) would ignore everything below it, since the `ignore` package tests parent
   * directories: it is left out below that directory, as git leaves out a pattern that a
   * re-included directory overrides. Its other patterns then do not apply there either.
   */
  enter(directory: string): IgnoreChain {
    const kept = this.files.filter((file) => !isIgnoredBy(file, directory, true));
    return kept.length === this.files.length ? this : new IgnoreChain(kept, this.options);
  }

  /** Whether an absolute path (a directory when `isDirectory`) is ignored. */
  ignores(absolutePath: string, isDirectory: boolean): boolean {
    return this.ignoredBy(absolutePath, isDirectory) !== undefined;
  }

  /** The ignore file (absolute path) that ignores an absolute path, the last one deciding; undefined when none does. */
  ignoredBy(absolutePath: string, isDirectory: boolean): string | undefined {
    let ignoredBy: string | undefined;
    for (const file of this.files) {
      const result = testWith(file, absolutePath, isDirectory);
      if (result.ignored) ignoredBy = file.file;
      else if (result.unignored) ignoredBy = undefined;
    }
    return ignoredBy;
  }
}

function testWith(file: IgnoreFile, absolutePath: string, isDirectory: boolean): { ignored: boolean; unignored: boolean } {
  const { directory, matcher } = file;
  if (!absolutePath.startsWith(directory + "/") && !absolutePath.startsWith(directory + "\\")) return { ignored: false, unignored: false };
  let relative = absolutePath.slice(directory.length + 1).replaceAll("\\", "/");
  if (isDirectory) relative += "/";
  return matcher.test(relative);
}

const isIgnoredBy = (file: IgnoreFile, absolutePath: string, isDirectory: boolean): boolean => testWith(file, absolutePath, isDirectory).ignored;

/** The directory that holds `.git` above or at `directory`, if any (ripgrep-style repository root). */
export function findRepositoryRoot(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    try {
      readInputFile(join(current, ".git", "HEAD"), MAX_CONTROL_FILE_BYTES);
      return current;
    } catch {
      // a worktree or submodule has a `.git` file instead of a directory
      try {
        if (readInputFile(join(current, ".git"), MAX_CONTROL_FILE_BYTES).startsWith("gitdir:")) return current;
      } catch {
        // not here
      }
    }
    if (current === parse(current).root) return undefined;
  }
}

/**
 * The chain that applies inside `directory` (a directory in the scan root) before its own ignore
 * files are read: those of every directory above it, from the repository root (or the scan root
 * outside a repository) down to its parent.
 */
export function chainAbove(
  scanRoot: string,
  directory: string,
  onError: (file: string, error: NodeJS.ErrnoException) => void,
  options: IgnoreFileOptions = DEFAULT_IGNORE_FILE_OPTIONS,
): IgnoreChain {
  const top = findRepositoryRoot(scanRoot) ?? scanRoot;
  const directories: string[] = [];
  for (let current = directory; current !== top && current !== parse(current).root; ) {
    current = dirname(current);
    directories.unshift(current);
  }
  const chain = directories.reduce((above, current) => above.enter(current).extend(current, onError), IgnoreChain.start(options));
  return chain.enter(directory);
}
