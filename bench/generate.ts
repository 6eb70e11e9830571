/**
 * The corpus generator: a deterministic synthetic monorepo of `files` files (a function of the
 * size and the seed alone) and its ground truth, the findings planted in it.
 *
 *   node bench/.build/bench/generate.js --files 20000 --seed 1 --out /tmp/corpus [--profile realistic]
 *
 * writes the tree to `--out` and the ground truth next to it (`<out>.ground-truth.json`).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  CORPUS_PROFILE,
  CORPUS_PROFILES,
  DECOY_SHARE,
  FILES_PER_PACKAGE,
  IGNORED_SHARE,
  LARGE_DATA_BYTES,
  LARGE_FILES_EVERY,
  LARGE_FILES_FROM,
  LARGE_XML_BYTES,
  OVERSIZED_XML_BYTES,
  PACKAGE_ROOTS,
  PLANTED_SHARE,
  WORKFLOWS_AT_ROOT,
  type CorpusProfile,
  type CorpusProfileName,
  type FileKind,
} from "./corpus-layout.js";
import { stylesheet, svgIcon } from "./filler/assets.js";
import { BINARY_EXTENSIONS, binaryFile, binaryWithSourceName } from "./filler/binary.js";
import { codeFile, minifiedBundle, type CodeFlavour } from "./filler/code.js";
import { dataJson, dockerfile, envFile, makefile, manifestFile, packageJson, propertiesFile, tsconfigJson, workflowFile, xmlFile } from "./filler/config.js";
import { httpFile, markdownFile, shellScript } from "./filler/docs.js";
import { commentLine, DECOY_FIXTURES, insertLines, PLANTED_TEMPLATES, readFixtures } from "./planted.js";
import { Random } from "./random.js";
import { ADJECTIVES, kebab, NOUNS, pascal, PROSE, snake, VERBS } from "./vocabulary.js";

/** Bumped when the corpus a (size, seed) pair gives changes on purpose. */
export const GENERATOR_VERSION = 2;

export const RULE_PREFIX = "campaign-ims/";

export interface GroundTruthFinding {
  path: string;
  /** Full rule id, `campaign-ims/<name>`. */
  rule: string;
  line: number;
  column: number;
}

export interface GroundTruth {
  generator: { version: number; files: number; seed: number; profile: CorpusProfileName; fingerprint: string };
  /** Files and bytes in the scanned part of the tree (outside the ignored directories). */
  files: number;
  bytes: number;
  byKind: Record<string, number>;
  /** Files under the ignored `node_modules` and `dist`, not counted above. */
  ignoredFiles: number;
  /** Every planted finding, sorted by path, line, column, rule. */
  findings: GroundTruthFinding[];
  /** Files with a planted pattern, and decoys (a keyword but no finding), sorted. */
  plantedFiles: string[];
  decoyFiles: string[];
  largeFiles: string[];
}

export interface GenerateOptions {
  files: number;
  seed: number;
  /** Directory of the tree; emptied first. */
  out: string;
  /** The repository whose fixtures are planted. */
  repositoryRoot: string;
  /** File sizes and mix (corpus-layout.ts); `classic` when not given. */
  profile?: CorpusProfileName;
}

/** The smallest size that still holds every planted template and decoy with some filler. */
export const MINIMUM_FILES = 100;

const BENCH_DIRECTORY = dirname(fileURLToPath(import.meta.url));
export const REPOSITORY_ROOT = resolve(BENCH_DIRECTORY, basename(dirname(BENCH_DIRECTORY)) === ".build" ? "../../.." : "..");

export const groundTruthPath = (out: string): string => `${resolve(out)}.ground-truth.json`;

/**
 * A digest of what the corpus depends on besides size and seed: the generator's modules (this
 * file, the layout, the planted templates, the filler, the vocabulary, the PRNG) and the planted
 * fixtures. The runner regenerates a cached corpus when it changes.
 */
export function generatorFingerprint(repositoryRoot: string): string {
  const hash = createHash("sha256").update(String(GENERATOR_VERSION));
  const sources = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true })
      .filter((entry) => !(entry.isDirectory() && (entry.name === ".build" || entry.name === "corpus")))
      .flatMap((entry) => (entry.isDirectory() ? sources(join(directory, entry.name)) : [join(directory, entry.name)]))
      .filter((path) => /(?:\/filler\/[^/]+|\/(?:generate|corpus-layout|planted|random|vocabulary))\.(?:ts|js)$/.test(path.split(sep).join("/")))
      .sort();
  for (const file of sources(BENCH_DIRECTORY)) hash.update(readFileSync(file));
  const fixtures = readFixtures(repositoryRoot);
  for (const text of [...fixtures.legacy.values(), ...fixtures.migrated.values()]) hash.update(text);
  return hash.digest("hex").slice(0, 16);
}

const compareFindings = (a: GroundTruthFinding, b: GroundTruthFinding): number =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/** Writes files under the root, creating directories once and keeping paths unique. */
class TreeWriter {
  private readonly directories = new Set<string>();
  private readonly paths = new Set<string>();
  files = 0;
  bytes = 0;
  readonly byKind: Record<string, number> = {};

  constructor(private readonly root: string) {}

  /** `path`, or `name-2.ext`, `name-3.ext`… when it is taken. */
  unique(path: string): string {
    if (!this.paths.has(path)) return path;
    const extension = extname(path);
    const stem = path.slice(0, path.length - extension.length);
    for (let index = 2; ; index++) {
      const candidate = `${stem}-${index}${extension}`;
      if (!this.paths.has(candidate)) return candidate;
    }
  }

  /** Writes a file (at a unique path, returned); `counted` files make up the corpus size. */
  write(path: string, content: string | Buffer, kind: string, counted = true): string {
    const unique = this.unique(path);
    this.paths.add(unique);
    const absolute = join(this.root, unique);
    const directory = dirname(absolute);
    if (!this.directories.has(directory)) {
      mkdirSync(directory, { recursive: true });
      this.directories.add(directory);
    }
    writeFileSync(absolute, content);
    if (counted) {
      this.files++;
      this.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length;
      this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
    }
    return unique;
  }
}

const CODE_FLAVOURS: Partial<Record<FileKind, CodeFlavour>> = { ts: "ts", "test-ts": "ts", tsx: "tsx", js: "js", mjs: "mjs", cjs: "cjs" };

/** A package and its source folders: a handful each, so directories hold about ten files, as in real trees. */
interface PackagePlan {
  directory: string;
  areas: string[];
}

const NESTED_FOLDERS = ["internal", "utils", "api", "hooks"] as const;

function bulkFile(random: Random, profile: CorpusProfile, kind: FileKind, home: PackagePlan): { path: string; content: string | Buffer } {
  const [min, max] = profile.kindSizes[kind];
  const size = random.logUniform(Math.max(1, min), Math.max(1, max));
  const packageDirectory = home.directory;
  const area = random.pick(home.areas);
  const nested = random.chance(0.15) ? `${random.pick(NESTED_FOLDERS)}/` : "";
  const name = kebab(random.pick(NOUNS), random.pick(NOUNS));
  const flavour = CODE_FLAVOURS[kind];
  switch (kind) {
    case "ts":
    case "js":
      return { path: `${packageDirectory}/src/${area}/${nested}${name}.${kind}`, content: codeFile(random, flavour!, size) };
    case "test-ts":
      return { path: `${packageDirectory}/test/${area}/${name}.test.ts`, content: codeFile(random, flavour!, size) };
    case "tsx":
      return { path: `${packageDirectory}/src/components/${nested}${pascal(random.pick(ADJECTIVES), random.pick(NOUNS))}.tsx`, content: codeFile(random, flavour!, size) };
    case "mjs":
      return { path: `${packageDirectory}/scripts/${name}.mjs`, content: codeFile(random, flavour!, size) };
    case "cjs":
      return { path: `${packageDirectory}/${random.chance(0.5) ? "config" : `src/${area}`}/${name}.cjs`, content: codeFile(random, flavour!, size) };
    case "xml":
      return { path: `${packageDirectory}/${random.pick(["config", "templates", "resources"])}/${name}.xml`, content: xmlFile(random, size) };
    case "shell":
      return { path: `${packageDirectory}/scripts/${snake(random.pick(VERBS), random.pick(NOUNS))}.sh`, content: shellScript(random, size) };
    case "manifest-yaml":
      return { path: `${packageDirectory}/deploy/${name}.yaml`, content: manifestFile(random, size) };
    case "http":
      return { path: `${packageDirectory}/http/${name}.http`, content: httpFile(random, size) };
    case "markdown":
      return { path: `${packageDirectory}/docs/${name}.md`, content: markdownFile(random, size) };
    case "data-json":
      return { path: `${packageDirectory}/${random.chance(0.5) ? "locales" : `src/${area}/fixtures`}/${name}.json`, content: dataJson(random, size) };
    case "env":
      return { path: `${packageDirectory}/.env.${random.pick(["example", "local", "test", "staging"])}`, content: envFile(random) };
    case "properties":
      return { path: `${packageDirectory}/config/${name}.properties`, content: propertiesFile(random, size) };
    case "css":
      return { path: `${packageDirectory}/src/styles/${name}.css`, content: stylesheet(random, size) };
    case "svg":
      return { path: `${packageDirectory}/assets/icons/${name}.svg`, content: svgIcon(random) };
    case "image": {
      const extension = random.pick(BINARY_EXTENSIONS);
      return { path: `${packageDirectory}/assets/${name}.${extension}`, content: binaryFile(random, extension, size) };
    }
    case "binary-source":
      return { path: `${packageDirectory}/lib/${name}.js`, content: binaryWithSourceName(random, size) };
    case "xml-export":
      return { path: `${packageDirectory}/${random.pick(["campaign/workflows", "campaign/schemas", "exports"])}/${name}.xml`, content: xmlFile(random, size) };
  }
}

function fillerWords(random: Random): string {
  return random.pick(PROSE).replace(/\.$/, "");
}

/** XML exports that real repositories keep large: serverConf.xml and workflow exports. */
const isLargeXmlFixture = (fixture: string): boolean => fixture.endsWith("serverConf.xml") || fixture.startsWith("workflows/");

/** XML comment lines of filler, `targetBytes` in all (about). */
function xmlCommentLines(random: Random, targetBytes: number): string[] {
  const lines: string[] = [];
  for (let size = 0; size < targetBytes; ) {
    const line = commentLine("xml", fillerWords(random));
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

const FLAVOUR_OF_EXTENSION: Record<string, CodeFlavour> = { ".ts": "ts", ".tsx": "tsx", ".mjs": "mjs", ".cjs": "cjs" };

/**
 * A decoy of the realistic profile, grown like the bulk: serverConf.xml and workflow exports to
 * 100–200 KB of filler comments after their first line, code by filler code appended.
 */
function grownDecoy(random: Random, sizes: NonNullable<CorpusProfile["keywordFiles"]>, fixture: string, text: string): string {
  if (isLargeXmlFixture(fixture)) return insertLines(text, 1, xmlCommentLines(random, random.int(...sizes.largeXmlBytes)));
  const flavour = FLAVOUR_OF_EXTENSION[extname(fixture)];
  if (flavour === undefined) return text;
  return `${text}\n${codeFile(random, flavour, random.logUniform(...sizes.appendedCodeBytes))}`;
}

export function generateCorpus(options: GenerateOptions): GroundTruth {
  const { files, seed } = options;
  if (!Number.isInteger(files) || files < MINIMUM_FILES) throw new Error(`--files must be an integer of at least ${MINIMUM_FILES} (got ${files})`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0x7fffffff) throw new Error(`--seed must be an integer from 0 to ${0x7fffffff} (got ${seed})`);
  const profile = CORPUS_PROFILE[options.profile ?? "classic"];
  if (profile === undefined) throw new Error(`--profile must be one of ${CORPUS_PROFILES.join(", ")} (got ${String(options.profile)})`);
  const keywordFiles = profile.keywordFiles;
  const out = resolve(options.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const random = new Random(seed);
  const fixtures = readFixtures(options.repositoryRoot);
  const tree = new TreeWriter(out);
  const findings: GroundTruthFinding[] = [];
  const plantedFiles: string[] = [];
  const decoyFiles: string[] = [];
  const largeFiles: string[] = [];

  // The repository root.
  tree.write(".gitignore", "node_modules/\ndist/\ncoverage/\n*.log\n", "gitignore");
  tree.write("package.json", packageJson(random, "monorepo"), "package-json");
  tree.write("README.md", markdownFile(random, 4000), "markdown");
  for (let index = 0; index < WORKFLOWS_AT_ROOT; index++) {
    tree.write(`.github/workflows/${kebab(random.pick(VERBS), random.pick(NOUNS))}.yml`, workflowFile(random, random.logUniform(400, 4000)), "workflow-yaml");
  }

  // Packages and their own files.
  const packageCount = Math.max(3, Math.round(files / FILES_PER_PACKAGE));
  const plans: PackagePlan[] = [];
  const packages: string[] = [];
  for (let index = 0; index < packageCount; index++) {
    const directory = tree.unique(`${random.pick(PACKAGE_ROOTS)}/${kebab(random.pick(NOUNS), random.pick(NOUNS))}`);
    packages.push(directory);
    plans.push({ directory, areas: random.shuffled(NOUNS).slice(0, random.int(3, 8)) });
    tree.write(`${directory}/package.json`, packageJson(random, `@example/${basename(directory)}`), "package-json");
    tree.write(`${directory}/tsconfig.json`, tsconfigJson(random), "tsconfig");
    tree.write(`${directory}/README.md`, markdownFile(random, random.logUniform(300, 6000)), "markdown");
    if (random.chance(0.4)) tree.write(`${directory}/Dockerfile`, dockerfile(random), "dockerfile");
    if (random.chance(0.2)) tree.write(`${directory}/Makefile`, makefile(random), "makefile");
  }

  // Large and minified files.
  const largeSets = files >= LARGE_FILES_FROM ? Math.max(1, Math.floor(files / LARGE_FILES_EVERY)) : 0;
  for (let index = 0; index < largeSets; index++) {
    for (let bundle = 0; bundle < profile.minifiedBundles; bundle++) {
      const home = random.pick(packages);
      const [min, max] = profile.minifiedBytes;
      largeFiles.push(tree.write(`${home}/public/vendor/${random.pick(NOUNS)}.min.js`, minifiedBundle(random, min === max ? min : random.int(min, max)), "minified-js"));
    }
    largeFiles.push(tree.write(`${random.pick(packages)}/data/${random.pick(NOUNS)}-export.json`, dataJson(random, LARGE_DATA_BYTES), "large-json"));
    largeFiles.push(tree.write(`${random.pick(packages)}/config/${random.pick(NOUNS)}-catalog.xml`, xmlFile(random, LARGE_XML_BYTES), "large-xml"));
    largeFiles.push(tree.write(`${random.pick(packages)}/exports/${random.pick(NOUNS)}-dump.xml`, xmlFile(random, OVERSIZED_XML_BYTES), "oversized-xml"));
  }

  const plantedCount = Math.max(PLANTED_TEMPLATES.length, Math.round(files * PLANTED_SHARE));
  const decoyCount = Math.max(DECOY_FIXTURES.length, Math.round(files * DECOY_SHARE));
  const bulkCount = files - tree.files - plantedCount - decoyCount;
  if (bulkCount < 0) throw new Error(`--files ${files} is too small for this layout`);

  // Planted and decoy files are interleaved with the bulk in a shuffled order.
  const slots = random.shuffled([
    ...Array.from({ length: bulkCount }, () => "bulk" as const),
    ...Array.from({ length: plantedCount }, () => "planted" as const),
    ...Array.from({ length: decoyCount }, () => "decoy" as const),
  ]);
  let planted = 0;
  let decoys = 0;
  // Planted and decoy copies keep their file names (a Dockerfile or package.json is known by it):
  // a taken place moves the copy to another folder, never renames it.
  const takenFolders = new Set<string>();
  const legacyHome = (fixture: string): string => {
    let folder = `${random.pick(packages)}/${random.pick(["integrations", "legacy", "ops", "tools", "marketing"])}`;
    while (takenFolders.has(`${folder}/${fixture}`)) folder = `${folder}/more`;
    takenFolders.add(`${folder}/${fixture}`);
    return `${folder}/${fixture}`;
  };
  for (const slot of slots) {
    if (slot === "bulk") {
      const kind = random.weighted(profile.kindWeights);
      const { path, content } = bulkFile(random, profile, kind, random.pick(plans));
      tree.write(path, content, kind);
    } else if (slot === "planted") {
      const template = PLANTED_TEMPLATES[planted++ % PLANTED_TEMPLATES.length]!;
      let text = fixtures.legacy.get(template.fixture)!;
      const inserted =
        keywordFiles !== undefined && isLargeXmlFixture(template.fixture)
          ? xmlCommentLines(random, random.int(...keywordFiles.largeXmlBytes))
          : template.comment === "none"
            ? []
            : Array.from({ length: random.int(0, 40) }, () => commentLine(template.comment, fillerWords(random)));
      text = insertLines(text, template.insertAfter, inserted);
      if (template.append !== undefined) {
        if (keywordFiles !== undefined) text += `\n${codeFile(random, template.append, random.logUniform(...keywordFiles.appendedCodeBytes))}`;
        else if (random.chance(0.7)) text += `\n${codeFile(random, template.append, random.logUniform(200, 8000))}`;
      }
      const path = tree.write(legacyHome(template.fixture), text, "planted");
      plantedFiles.push(path);
      for (const [line, column, rule] of template.findings) {
        findings.push({ path, rule: `${RULE_PREFIX}${rule}`, line: line > template.insertAfter ? line + inserted.length : line, column });
      }
    } else {
      const fixture = DECOY_FIXTURES[decoys++ % DECOY_FIXTURES.length]!;
      const text = fixtures.migrated.get(fixture)!;
      decoyFiles.push(tree.write(legacyHome(fixture), keywordFiles === undefined ? text : grownDecoy(random, keywordFiles, fixture, text), "decoy"));
    }
  }

  // Ignored directories: a node_modules with a legacy SDK copy in it, and built bundles in dist/.
  const ignoredCount = Math.max(10, Math.round(files * IGNORED_SHARE));
  let ignored = 0;
  const ignoredWrite = (path: string, content: string | Buffer): void => {
    tree.write(path, content, "ignored", false);
    ignored++;
  };
  for (const [fixture, text] of fixtures.legacy) ignoredWrite(`node_modules/@adobe/acc-js-sdk/samples/${fixture}`, text);
  while (ignored < ignoredCount) {
    const roll = random.int(0, 9);
    if (roll === 0) {
      ignoredWrite(`dist/${basename(random.pick(packages))}/index.js`, codeFile(random, "mjs", random.logUniform(2000, 60_000)));
    } else {
      const name = random.chance(0.3) ? `@${random.pick(NOUNS)}/${random.pick(NOUNS)}` : kebab(random.pick(NOUNS), random.pick(VERBS));
      const nested = random.chance(0.2) ? `${random.pick(packages)}/` : "";
      const file = random.pick(["index.js", "lib/index.cjs", `lib/${random.pick(NOUNS)}.js`, "README.md", "package.json"]);
      const content = file === "package.json" ? packageJson(random, name) : file === "README.md" ? markdownFile(random, 2000) : codeFile(random, file.endsWith(".cjs") ? "cjs" : "js", random.logUniform(300, 20_000));
      ignoredWrite(`${nested}node_modules/${name}/${file}`, content);
    }
  }

  return {
    generator: { version: GENERATOR_VERSION, files, seed, profile: profile.name, fingerprint: generatorFingerprint(options.repositoryRoot) },
    files: tree.files,
    bytes: tree.bytes,
    byKind: Object.fromEntries(Object.entries(tree.byKind).sort(([a], [b]) => (a < b ? -1 : 1))),
    ignoredFiles: ignored,
    findings: findings.sort(compareFindings),
    plantedFiles: plantedFiles.sort(),
    decoyFiles: decoyFiles.sort(),
    largeFiles: largeFiles.sort(),
  };
}

export function writeGroundTruth(out: string, truth: GroundTruth): string {
  const path = groundTruthPath(out);
  writeFileSync(path, `${JSON.stringify(truth, null, 2)}\n`);
  return path;
}

export function readGroundTruth(out: string): GroundTruth | undefined {
  const path = groundTruthPath(out);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as GroundTruth;
}

/** Command line: `--files N --seed S --out DIR [--profile classic|realistic]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { files: { type: "string", default: "20000" }, seed: { type: "string", default: "1" }, out: { type: "string" }, profile: { type: "string", default: "classic" } },
    strict: true,
  });
  if (values.out === undefined) throw new Error("--out DIR is required");
  const files = Number(values.files);
  const seed = Number(values.seed);
  const started = performance.now();
  const truth = generateCorpus({ files, seed, out: values.out, repositoryRoot: REPOSITORY_ROOT, profile: values.profile as CorpusProfileName });
  const truthPath = writeGroundTruth(values.out, truth);
  process.stdout.write(
    `generated ${truth.files} files (${(truth.bytes / 1024 / 1024).toFixed(1)} MiB) + ${truth.ignoredFiles} ignored in ${resolve(values.out)} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s; ${truth.findings.length} planted findings in ${truth.plantedFiles.length} files; ground truth ${truthPath}\n`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
