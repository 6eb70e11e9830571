/**
 * The benchmark's corpus generator: the same size and seed give the same bytes, the ground truth
 * is exactly what the scanner reports on the corpus (every planted finding, nothing else), and
 * only planted and decoy files contain a keyword. Not timed: speed is measured by `npm run bench`.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, MINIMUM_FILES, REPOSITORY_ROOT, type GroundTruth } from "../../bench/generate.js";
import { LARGE_FILES_FROM, OVERSIZED_XML_BYTES } from "../../bench/corpus-layout.js";
import { PLANTED_TEMPLATES } from "../../bench/planted.js";
import { computeRecall } from "../../bench/recall.js";
import { containsAnyKeyword } from "../../src/campaign/keywords.js";
import { resolveScanSettings } from "../../src/scanner/scan-settings.js";
import { scan } from "../../src/scanner/scan.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { REAL_PLUGIN_MODULE } from "../scanner/support/scan-fixture.js";

const FILES = LARGE_FILES_FROM + 100;

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const posix = (root: string, path: string): string => relative(root, path).split(sep).join("/");
const isIgnored = (path: string): boolean => path.startsWith("dist/") || path.split("/").includes("node_modules");

/** sha256 over every path and its bytes, in path order. */
function treeDigest(root: string): string {
  const hash = createHash("sha256");
  for (const path of [...filesUnder(root)].map((file) => posix(root, file)).sort()) {
    hash.update(path).update("\0").update(readFileSync(join(root, path))).update("\0");
  }
  return hash.digest("hex");
}

const scratch = mkdtempSync(join(tmpdir(), "campaign-ims-bench-test-"));
const corpus = join(scratch, "a");
let truth: GroundTruth;
let result: ScanResult;

beforeAll(async () => {
  truth = generateCorpus({ files: FILES, seed: 7, out: corpus, repositoryRoot: REPOSITORY_ROOT });
  const { scan: settings } = resolveScanSettings({ cwd: corpus, paths: [], concurrency: "1", pluginModule: REAL_PLUGIN_MODULE });
  result = await scan(settings);
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("bench corpus generator", () => {
  it("writes the same bytes for the same size and seed, other bytes for another seed", () => {
    const again = join(scratch, "b");
    const other = join(scratch, "c");
    expect(generateCorpus({ files: FILES, seed: 7, out: again, repositoryRoot: REPOSITORY_ROOT })).toEqual(truth);
    expect(treeDigest(again)).toBe(treeDigest(corpus));
    const otherTruth = generateCorpus({ files: FILES, seed: 8, out: other, repositoryRoot: REPOSITORY_ROOT });
    expect(treeDigest(other)).not.toBe(treeDigest(corpus));
    expect(otherTruth.findings).not.toEqual(truth.findings);
    rmSync(again, { recursive: true });
    rmSync(other, { recursive: true });
  }, 300_000);

  it("writes as many files outside the ignored directories as asked, and counts their bytes", () => {
    const paths = [...filesUnder(corpus)].map((file) => posix(corpus, file));
    const counted = paths.filter((path) => !isIgnored(path));
    expect(counted).toHaveLength(FILES);
    expect(truth.files).toBe(FILES);
    expect(truth.ignoredFiles).toBe(paths.length - FILES);
    expect(truth.bytes).toBe(counted.reduce((sum, path) => sum + readFileSync(join(corpus, path)).length, 0));
    expect(readFileSync(join(corpus, ".gitignore"), "utf8")).toBe("node_modules/\ndist/\ncoverage/\n*.log\n");
  });

  it("plants every template at least once, about 1.5 % of the files, and decoys", () => {
    expect(truth.plantedFiles).toHaveLength(Math.max(PLANTED_TEMPLATES.length, Math.round(FILES * 0.015)));
    for (const template of PLANTED_TEMPLATES) {
      expect(truth.plantedFiles.some((path) => path.endsWith(`/${template.fixture}`)), template.fixture).toBe(true);
    }
    expect(truth.decoyFiles.length).toBeGreaterThanOrEqual(13);
    expect(truth.findings.length).toBe(
      truth.plantedFiles.reduce((sum, path) => sum + PLANTED_TEMPLATES.find((template) => path.endsWith(`/${template.fixture}`))!.findings.length, 0),
    );
  });

  it("draws planted patterns from every rule of the recommended profile and every language", () => {
    expect(new Set(truth.findings.map((finding) => finding.rule))).toEqual(new Set(result.rules.map((rule) => rule.id)));
    const extensions = new Set(truth.plantedFiles.map((path) => /(\.[a-z0-9]+|Dockerfile|\.env\.example)$/.exec(path)?.[1]));
    for (const extension of [".ts", ".tsx", ".js", ".mjs", ".xml", ".http", ".sh", ".ps1", ".yml", ".md", ".json", "Dockerfile", ".env.example"]) {
      expect(extensions).toContain(extension);
    }
  });

  it("is exactly what the scanner reports: every planted finding at its path, rule, line and column, nothing else", () => {
    const recall = computeRecall(truth.findings, result.findings);
    expect(recall.missing).toEqual([]);
    expect(recall.unexpected).toEqual([]);
    expect(recall.recall).toBe(1);
    expect(result.errors).toEqual([]);
  });

  it("has the realistic mix: ignored node_modules with legacy code, binaries and an oversized file skipped, large files read", () => {
    expect(result.stats.ignored.defaultDirectories).toBeGreaterThan(0);
    expect(result.stats.ignored.ignoreFiles).toBeGreaterThan(0);
    expect(readFileSync(join(corpus, "node_modules/@adobe/acc-js-sdk/samples/src/campaign-client.ts"), "utf8")).toContain("ofUserAndPassword");
    const oversized = truth.largeFiles.filter((path) => readFileSync(join(corpus, path)).length > OVERSIZED_XML_BYTES - 1);
    expect(result.skipped.filter((file) => file.reason === "too-large").map((file) => file.path)).toEqual(oversized);
    expect(oversized).toHaveLength(1);
    expect(truth.largeFiles).toHaveLength(4);
    const minified = readFileSync(join(corpus, truth.largeFiles.find((path) => path.endsWith(".min.js"))!), "utf8");
    expect(minified.length).toBeGreaterThan(1_000_000);
    expect(Math.max(...minified.split("\n").map((line) => line.length))).toBeGreaterThan(100_000);
    for (const kind of ["ts", "test-ts", "tsx", "js", "mjs", "cjs", "xml", "shell", "manifest-yaml", "http", "markdown", "data-json", "css", "svg", "image", "package-json", "workflow-yaml"]) {
      expect(truth.byKind[kind], kind).toBeGreaterThan(0);
    }
  });

  it("puts keywords only in planted and decoy files (and in the ignored node_modules)", () => {
    const withKeywords = new Set([...truth.plantedFiles, ...truth.decoyFiles]);
    const offenders: string[] = [];
    for (const file of filesUnder(corpus)) {
      const path = posix(corpus, file);
      if (isIgnored(path) || withKeywords.has(path)) continue;
      const bytes = readFileSync(file);
      if (bytes.subarray(0, 8000).includes(0)) continue;
      if (containsAnyKeyword(bytes.toString("utf8"))) offenders.push(path);
    }
    expect(offenders).toEqual([]);
    expect(result.stats.filesLinted).toBe(withKeywords.size);
  });

  it("refuses a size too small for the layout and a bad seed", () => {
    expect(() => generateCorpus({ files: MINIMUM_FILES - 1, seed: 1, out: join(scratch, "d"), repositoryRoot: REPOSITORY_ROOT })).toThrow(
      `--files must be an integer of at least ${MINIMUM_FILES} (got ${MINIMUM_FILES - 1})`,
    );
    expect(() => generateCorpus({ files: 200, seed: -1, out: join(scratch, "d"), repositoryRoot: REPOSITORY_ROOT })).toThrow("--seed must be an integer");
  });
});
