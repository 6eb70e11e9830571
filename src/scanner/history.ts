/**
 * `campaign-ims scan --history [RANGE]`: legacy authentication and hard-coded Campaign credentials
 * in the commits of RANGE (default HEAD: everything reachable from it), through the git binary.
 *
 * 1. `git log --reverse --raw` lists, oldest first, the blobs each commit added or changed, with
 *    their paths; a blob (by id) is taken at the first path and commit it appears at.
 * 2. `git cat-file --batch-check` sizes them (larger than --max-file-size: skipped, said), then one
 *    `git cat-file --batch` streams each blob once, in that order.
 * 3. Each blob goes through the scanner's own pipeline: the keyword prefilter on its bytes
 *    (read-file.ts) and the lint engine (lint-engine.ts) at its path, so findings, masking and
 *    fingerprints are exactly those of a working-tree scan.
 * 4. A finding is reported once per path and fingerprint, at the commit that introduced it, and is
 *    marked `atHead` when HEAD's version of the path still has it.
 *
 * Merge commits add no blobs of their own here (as `git log` shows no diff for them), and
 * .gitignore files do not apply (history holds what was committed); `include`, `exclude` and
 * `node_modules` do.
 */
import { spawn } from "node:child_process";
import { posix, relative, sep } from "node:path";
import ignore from "ignore";
import { formatByteSize } from "./byte-size.js";
import { git, isCommit, workTreeTop } from "./git.js";
import { LintEngine, loadPlugin } from "./lint-engine.js";
import { prefilterBytes, type PrefilteredRead } from "./read-file.js";
import { compareFindings, compareProblems, compareSkipped, TOOL_NAME, TOOL_VERSION, type ScanHooks } from "./scan.js";
import type { ScanSettings } from "./scan-settings.js";
import { DEFAULT_SKIPPED_DIRECTORIES } from "./walk.js";
import { ScanConfigError, type FileProblem, type ScannedFinding, type ScanResult, type ScanStats, type SkippedFile } from "./types.js";

/** A blob at a path: the commit it first appeared there in. */
interface BlobVisit {
  blob: string;
  commit: string;
  date: string;
  /** Path relative to the scan root, `/`-separated. */
  path: string;
  /** Position of the commit in the log, oldest first. */
  order: number;
}

const EMPTY_BLOB_ID = /^0+$/;

/** The blobs RANGE's commits added or changed, oldest first, once per path (its first commit there). */
function blobVisits(top: string, prefix: string, range: string, wanted: (path: string) => boolean): { visits: BlobVisit[]; commits: number } {
  const output = git(top, ["log", "--reverse", "--no-renames", "--no-abbrev", "--raw", "-z", "--diff-filter=AMT", "--format=%x01%H %cI", "--end-of-options", range, "--"]);
  const seen = new Set<string>();
  const visits: BlobVisit[] = [];
  let commits = 0;
  for (const chunk of output.split("\u0001")) {
    if (chunk === "") continue;
    commits++;
    const headerEnd = chunk.indexOf("\0");
    const [commit, date] = (headerEnd === -1 ? chunk : chunk.slice(0, headerEnd)).split(" ") as [string, string];
    const fields = headerEnd === -1 ? [] : chunk.slice(headerEnd + 1).replace(/^\n/, "").split("\0");
    for (let index = 0; index + 1 < fields.length; index += 2) {
      // ":100644 100644 <old> <new> M", then the path
      const blob = fields[index]!.split(" ")[3];
      const repositoryPath = fields[index + 1]!;
      if (blob === undefined || EMPTY_BLOB_ID.test(blob)) continue;
      if (prefix !== "" && !repositoryPath.startsWith(`${prefix}/`)) continue;
      const path = prefix === "" ? repositoryPath : repositoryPath.slice(prefix.length + 1);
      if (seen.has(`${blob}\0${path}`) || !wanted(path)) continue;
      seen.add(`${blob}\0${path}`);
      visits.push({ blob, commit, date, path, order: commits });
    }
  }
  return { visits, commits };
}

/** Blob sizes, by id (`git cat-file --batch-check`). */
function blobSizes(top: string, blobs: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  if (blobs.length === 0) return sizes;
  for (const line of git(top, ["cat-file", "--batch-check=%(objectname) %(objectsize)"], `${blobs.join("\n")}\n`).split("\n")) {
    const [blob, size] = line.split(" ");
    if (blob !== undefined && size !== undefined) sizes.set(blob, Number(size));
  }
  return sizes;
}

/** Stream blobs through one `git cat-file --batch`, in order; `onBlob` sees each one's bytes. */
async function readBlobs(top: string, blobs: readonly string[], onBlob: (index: number, bytes: Buffer) => void): Promise<void> {
  if (blobs.length === 0) return;
  const child = spawn("git", ["cat-file", "--batch"], { cwd: top, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  child.stdin.on("error", () => {}); // an early exit is reported through the exit code
  child.stdin.end(`${blobs.join("\n")}\n`);

  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  try {
    await parseBatch();
  } catch (error) {
    // Stop git, or it would wait forever to write what is no longer read.
    child.kill();
    await exited.catch(() => undefined);
    throw error;
  }
  const code = await exited;
  if (code !== 0) throw new ScanConfigError(`git cat-file --batch failed: ${stderr.trim() || `exit code ${code}`}`);
  if (index !== blobs.length) throw new ScanConfigError(`git cat-file --batch gave ${index} of ${blobs.length} blobs`);

  async function parseBatch(): Promise<void> {
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      for (;;) {
        const headerEnd = pending.indexOf(0x0a);
        if (headerEnd === -1) break;
        const header = pending.subarray(0, headerEnd).toString("utf8").split(" ");
        if (header[1] === "missing") throw new ScanConfigError(`git cat-file: blob ${header[0]} is missing (a partial or shallow clone?)`);
        const size = Number(header[2]);
        if (pending.length < headerEnd + 1 + size + 1) break;
        onBlob(index++, pending.subarray(headerEnd + 1, headerEnd + 1 + size));
        pending = pending.subarray(headerEnd + 1 + size + 1);
      }
    }
  }
}

/** Blob ids at HEAD, by path relative to the scan root. */
function headBlobs(top: string, prefix: string): Map<string, string> {
  const blobs = new Map<string, string>();
  const output = git(top, ["ls-tree", "-r", "-z", "--full-tree", "HEAD", ...(prefix === "" ? [] : ["--", prefix])]);
  for (const entry of output.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const [, type, blob] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    if (type !== "blob" || blob === undefined) continue;
    blobs.set(prefix === "" ? path : path.slice(prefix.length + 1), blob);
  }
  return blobs;
}

export async function scanHistory(settings: ScanSettings, range: string, hooks: ScanHooks = {}): Promise<ScanResult> {
  const engine = new LintEngine(await loadPlugin(settings.pluginModule), settings);
  engine.validate();
  const top = workTreeTop(settings.root);
  if (!isCommit(top, "HEAD")) throw new ScanConfigError("--history: the repository has no commits yet");
  const prefix = relative(top, settings.root).split(sep).join("/");
  const detail = hooks.onDetail ?? (() => {});
  const include = settings.include.length > 0 ? ignore().add(settings.include) : undefined;
  const exclude = settings.exclude.length > 0 ? ignore().add(settings.exclude) : undefined;
  const wanted = (path: string): boolean =>
    !path.split("/").some((part) => DEFAULT_SKIPPED_DIRECTORIES.has(part)) &&
    engine.isLinted(posix.join(settings.root, path)) &&
    !(exclude?.ignores(path) ?? false) &&
    (include?.ignores(path) ?? true);

  const { visits, commits } = blobVisits(top, prefix, range, wanted);
  // Each blob is read once and linted at every path it appeared at.
  const pathsOf = new Map<string, BlobVisit[]>();
  for (const visit of visits) {
    const list = pathsOf.get(visit.blob);
    if (list === undefined) pathsOf.set(visit.blob, [visit]);
    else list.push(visit);
  }
  const sizes = blobSizes(top, [...pathsOf.keys()]);
  const skipped: SkippedFile[] = [];
  const toRead = [...pathsOf.keys()].filter((blob) => {
    const size = sizes.get(blob) ?? 0;
    if (size <= settings.maxFileSize) return true;
    for (const visit of pathsOf.get(blob)!) {
      skipped.push({ path: visit.path, reason: "too-large", detail: `${formatByteSize(size)} in commit ${visit.commit.slice(0, 12)}, over the ${formatByteSize(settings.maxFileSize)} limit (--max-file-size)` });
    }
    return false;
  });
  detail(`history ${range}: ${commits} commit(s), ${visits.length} version(s) of files of scanned types, ${pathsOf.size} distinct blob(s)`);

  const stats: ScanStats = {
    filesConsidered: visits.length,
    filesScanned: 0,
    filesLinted: 0,
    bytesScanned: 0,
    ignored: { defaultDirectories: 0, ignoreFiles: 0, excluded: 0, notIncluded: 0 },
    allowlisted: { paths: 0, operators: 0, values: 0 },
  };
  const progress = { found: visits.length, done: 0, findings: 0, walking: false, total: visits.length };
  /** Fingerprints found in each blob, by blob id and path (HEAD's versions are compared to them). */
  const fingerprintsOf = new Map<string, Set<string>>();
  const firstSeen = new Map<string, { finding: ScannedFinding; order: number }>();
  const errors: FileProblem[] = [];
  const lint = (visit: BlobVisit, read: PrefilteredRead): { findings: ScannedFinding[]; problems: FileProblem[] } => {
    if (!read.ok) {
      skipped.push({ path: visit.path, reason: read.reason, detail: `${read.detail} in commit ${visit.commit.slice(0, 12)}` });
      return { findings: [], problems: [] };
    }
    stats.filesScanned++;
    if (read.text === undefined) return { findings: [], problems: [] };
    stats.filesLinted++;
    const result = engine.lintFile(visit.path, read.text);
    stats.allowlisted.paths += result.allowlisted.paths;
    stats.allowlisted.operators += result.allowlisted.operators;
    stats.allowlisted.values += result.allowlisted.values;
    return result;
  };

  await readBlobs(top, toRead, (index, bytes) => {
    const read = prefilterBytes(bytes);
    stats.bytesScanned += bytes.length;
    for (const visit of pathsOf.get(toRead[index]!)!) {
      const { findings, problems } = lint(visit, read);
      fingerprintsOf.set(`${visit.blob}\0${visit.path}`, new Set(findings.map((finding) => finding.fingerprint)));
      for (const problem of problems) errors.push({ ...problem, message: `${problem.message} (commit ${visit.commit.slice(0, 12)})` });
      for (const finding of findings) {
        // The same finding in several versions of a file: the oldest commit introduced it.
        const key = `${finding.path}\0${finding.fingerprint}`;
        const known = firstSeen.get(key);
        if (known !== undefined && known.order <= visit.order) continue;
        if (known === undefined) progress.findings++;
        firstSeen.set(key, { finding: { ...finding, history: { commit: visit.commit, date: visit.date, atHead: false } }, order: visit.order });
      }
      progress.done++;
    }
    hooks.onProgress?.({ ...progress });
  });

  // HEAD's version of every path with findings: read (once more) only when it is not a blob read above at that path.
  const atHead = headBlobs(top, prefix);
  const found = [...firstSeen.values()].map((entry) => entry.finding);
  const paths = [...new Set(found.map((finding) => finding.path))];
  const unread = paths.filter((path) => atHead.has(path) && !fingerprintsOf.has(`${atHead.get(path)}\0${path}`));
  await readBlobs(top, unread.map((path) => atHead.get(path)!), (index, bytes) => {
    const path = unread[index]!;
    const read = prefilterBytes(bytes);
    const findings = read.ok && read.text !== undefined ? engine.lintFile(path, read.text).findings : [];
    fingerprintsOf.set(`${atHead.get(path)}\0${path}`, new Set(findings.map((finding) => finding.fingerprint)));
  });
  for (const finding of found) {
    const blob = atHead.get(finding.path);
    finding.history!.atHead = blob !== undefined && (fingerprintsOf.get(`${blob}\0${finding.path}`)?.has(finding.fingerprint) ?? false);
  }

  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: settings.root,
    profile: settings.profile,
    rules: engine.config.rules,
    findings: found.sort(compareFindings),
    skipped: skipped.sort(compareSkipped),
    errors: errors.sort(compareProblems),
    stats,
    history: { range, commits, blobs: visits.length },
  };
}
