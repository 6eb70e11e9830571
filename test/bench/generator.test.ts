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
import { CORPUS_PROFILE, CORPUS_PROFILES, LARGE_FILES_FROM, OVERSIZED_XML_BYTES, type CorpusProfileName } from "../../bench/corpus-layout.js";
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

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(CORPUS_PROFILES)("bench corpus generator, %s profile", (profile: CorpusProfileName) => {
  const corpus = join(scratch, `${profile}-a`);
  let truth: GroundTruth;
  let result: ScanResult;
  const generate = (seed: number, out: string): GroundTruth => generateCorpus({ files: FILES, seed, out, repositoryRoot: REPOSITORY_ROOT, profile });

  beforeAll(async () => {
    truth = generate(7, corpus);
    const { scan: settings } = resolveScanSettings({ cwd: corpus, paths: [], concurrency: "1", pluginModule: REAL_PLUGIN_MODULE });
    result = await scan(settings);
  }, 300_000);

  it("writes the same bytes for the same size and seed, other bytes for another seed", () => {
    const again = join(scratch, `${profile}-b`);
    const other = join(scratch, `${profile}-c`);
    expect(generate(7, again)).toEqual(truth);
    expect(truth.generator.profile).toBe(profile);
    expect(treeDigest(again)).toBe(treeDigest(corpus));
    const otherTruth = generate(8, other);
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
    const bundles = CORPUS_PROFILE[profile].minifiedBundles;
    expect(truth.largeFiles).toHaveLength(3 + bundles);
    const minifiedFiles = truth.largeFiles.filter((path) => path.endsWith(".min.js"));
    expect(minifiedFiles).toHaveLength(bundles);
    for (const path of minifiedFiles) {
      const minified = readFileSync(join(corpus, path), "utf8");
      expect(minified.length).toBeGreaterThan(1_000_000);
      expect(Math.max(...minified.split("\n").map((line) => line.length))).toBeGreaterThan(100_000);
    }
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

  it.runIf(profile === "realistic")("has real repositories' sizes: JS/TS median about 4 KB up to 50 KB, large XML exports, keyword files as large as the rest", () => {
    const size = (path: string): number => readFileSync(join(corpus, path)).length;
    const medianOf = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const counted = [...filesUnder(corpus)].map((file) => posix(corpus, file)).filter((path) => !isIgnored(path));
    const planted = new Set([...truth.plantedFiles, ...truth.decoyFiles]);
    const code = counted.filter((path) => /\.(?:ts|tsx|js|mjs|cjs)$/.test(path) && !path.endsWith(".min.js") && !planted.has(path) && !path.includes("/lib/"));
    const codeSizes = code.map(size);
    expect(medianOf([...codeSizes])).toBeGreaterThan(3_000);
    expect(medianOf([...codeSizes])).toBeLessThan(6_000);
    expect(Math.max(...codeSizes)).toBeGreaterThan(30_000);
    expect(Math.max(...codeSizes)).toBeLessThan(52_000);
    expect(truth.byKind["xml-export"]).toBeGreaterThan(0);
    // Planted and decoy serverConf.xml and workflow exports: 100 to 200 KB.
    const largeXml = [...planted].filter((path) => path.endsWith("/serverConf.xml") || /\/workflows\/[^/]+\.xml$/.test(path));
    expect(largeXml.length).toBeGreaterThanOrEqual(2);
    for (const path of largeXml) {
      expect(size(path), path).toBeGreaterThanOrEqual(100_000);
      expect(size(path), path).toBeLessThan(201_000);
    }
    // Code with a keyword: about as many above the bulk's median as below it.
    const keywordCode = [...planted].filter((path) => /\.(?:ts|tsx|mjs|cjs)$/.test(path) || path.endsWith("/session.js"));
    const median = medianOf([...codeSizes]);
    const large = keywordCode.filter((path) => size(path) > median).length;
    expect(keywordCode.length).toBeGreaterThan(5);
    expect(large / keywordCode.length).toBeGreaterThan(0.3);
    expect(large / keywordCode.length).toBeLessThan(0.7);
  });

  it("refuses a size too small for the layout and a bad seed", () => {
    expect(() => generateCorpus({ files: MINIMUM_FILES - 1, seed: 1, out: join(scratch, "d"), repositoryRoot: REPOSITORY_ROOT })).toThrow(
      `--files must be an integer of at least ${MINIMUM_FILES} (got ${MINIMUM_FILES - 1})`,
    );
    expect(() => generateCorpus({ files: 200, seed: -1, out: join(scratch, "d"), repositoryRoot: REPOSITORY_ROOT })).toThrow("--seed must be an integer");
    expect(() => generateCorpus({ files: 200, seed: 1, out: join(scratch, "d"), repositoryRoot: REPOSITORY_ROOT, profile: "huge" as CorpusProfileName })).toThrow(
      "--profile must be one of classic, realistic (got huge)",
    );
  });
});
