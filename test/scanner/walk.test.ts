import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walk, type WalkEntry, type WalkOptions } from "../../src/scanner/walk.js";

let root: string;

function write(path: string, text = "x\n"): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Every entry as "type path detail" lines, in walk order. */
function run(options: Partial<WalkOptions> = {}): string[] {
  const entries: WalkEntry[] = [
    ...walk({
      root,
      paths: [root],
      include: [],
      exclude: [],
      isScannedType: (path) => /\.(ts|xml|sh|md)$/.test(path),
      ...options,
    }),
  ];
  return entries.map((entry) => {
    if (entry.type === "file") return `file ${entry.path}`;
    if (entry.type === "ignored") return `ignored ${entry.path} (${entry.cause})`;
    return `skipped ${entry.path} (${entry.reason}: ${entry.detail})`;
  });
}

beforeAll(() => {
  // A temporary directory outside any git repository, so only the ignore files written here apply.
  root = mkdtempSync(join(tmpdir(), "campaign-ims-walk-"));
  write(".gitignore", "build/\n*.gen.ts\n!keep.gen.ts\n");
  write(".campaign-imsignore", "!build/\nthird-party/\n");
  write("a.ts");
  write("b.xml");
  write("image.png");
  write("keep.gen.ts");
  write("drop.gen.ts");
  write("build/out.ts");
  write("third-party/lib.ts");
  write("node_modules/dep/index.ts");
  write(".git/hooks/pre-commit.sh");
  write("src/.gitignore", "local/\n/anchored.ts\n");
  write("src/local/secret.ts");
  write("src/anchored.ts");
  write("src/deep/anchored.ts");
  write("src/z.sh");
  write("docs/readme.md");
  // A temporary file a killed --fix left behind, and a .tmp file of the repository's own.
  write("docs/.readme.md.campaign-ims-fix-4242-0a1b2c3d.tmp");
  write("docs/notes.tmp");
  symlinkSync(join(root, "src"), join(root, "link-to-src"));
  symlinkSync(join(root, "a.ts"), join(root, "link.ts"));
  symlinkSync(join(root, "missing.ts"), join(root, "broken.ts"));
  symlinkSync(join(root, "image.png"), join(root, "link.png"));
  execFileSync("mkfifo", [join(root, "pipe.sh")]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("walk", () => {
  it("honours nested .gitignore and .campaign-imsignore, skips node_modules/.git and lists links and special files", () => {
    // Each directory's entries in name order, then its subdirectories, depth first.
    expect(run()).toEqual([
      "ignored .git (defaultDirectories)",
      "file a.ts",
      "file b.xml",
      "skipped broken.ts (symlink: broken link; links are not followed)",
      "ignored drop.gen.ts (ignoreFiles)",
      // A type no language reads is listed (the walk's own ignore files are not).
      "skipped image.png (unsupported-type: no reader for .png files)",
      "file keep.gen.ts",
      "skipped link-to-src (symlink: link to a directory; links are not followed)",
      "skipped link.ts (symlink: link to a file; links are not followed)",
      "ignored node_modules (defaultDirectories)",
      "skipped pipe.sh (not-a-regular-file: named pipe (FIFO))",
      "ignored third-party (ignoreFiles)",
      // build/ is ignored by .gitignore but re-included by .campaign-imsignore
      "file build/out.ts",
      // The leftover temporary file of an interrupted --fix is not listed; the repository's .tmp is.
      "skipped docs/notes.tmp (unsupported-type: no reader for .tmp files)",
      "file docs/readme.md",
      "ignored src/anchored.ts (ignoreFiles)",
      "ignored src/local (ignoreFiles)",
      "file src/z.sh",
      // src/.gitignore's /anchored.ts is anchored to src/
      "file src/deep/anchored.ts",
    ]);
  });

  it("applies exclude to files and directories and include to files, both in .gitignore syntax", () => {
    expect(run({ exclude: ["docs/", "*.sh"], include: ["src/", "*.xml"] })).toEqual([
      "ignored .git (defaultDirectories)",
      "ignored a.ts (notIncluded)",
      "file b.xml",
      "skipped broken.ts (symlink: broken link; links are not followed)",
      "ignored docs (excluded)",
      "ignored drop.gen.ts (ignoreFiles)",
      "ignored keep.gen.ts (notIncluded)",
      "skipped link-to-src (symlink: link to a directory; links are not followed)",
      "skipped link.ts (symlink: link to a file; links are not followed)",
      "ignored node_modules (defaultDirectories)",
      "ignored pipe.sh (excluded)",
      "ignored third-party (ignoreFiles)",
      "ignored build/out.ts (notIncluded)",
      "ignored src/anchored.ts (ignoreFiles)",
      "ignored src/local (ignoreFiles)",
      "ignored src/z.sh (excluded)",
      "file src/deep/anchored.ts",
    ]);
  });

  it("scans a path named on the command line even when an ignore file matches it", () => {
    expect(run({ paths: [join(root, "drop.gen.ts"), join(root, "image.png"), join(root, "src/local/secret.ts")] })).toEqual([
      "file drop.gen.ts",
      "skipped image.png (unsupported-type: no enabled rule lints this type of file)",
      "file src/local/secret.ts",
    ]);
  });

  it("applies the ignore files of the directories above a scanned subdirectory", () => {
    expect(run({ paths: [join(root, "src")] })).toEqual([
      "ignored src/anchored.ts (ignoreFiles)",
      "ignored src/local (ignoreFiles)",
      "file src/z.sh",
      "file src/deep/anchored.ts",
    ]);
    // The root's .gitignore applies too: *.gen.ts under src/ would be ignored.
    write("src/extra.gen.ts");
    expect(run({ paths: [join(root, "src")] })).toContain("ignored src/extra.gen.ts (ignoreFiles)");
    rmSync(join(root, "src/extra.gen.ts"));
  });
});
