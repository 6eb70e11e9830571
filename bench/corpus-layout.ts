/**
 * The shape of the synthetic monorepo: which kinds of files, in which proportions, where, and how
 * large. Counts are fractions of the requested size; per-package files (manifest, tsconfig,
 * README, Dockerfile, Makefile) count towards it.
 */

export type FileKind =
  | "ts"
  | "test-ts"
  | "tsx"
  | "js"
  | "mjs"
  | "cjs"
  | "xml"
  | "shell"
  | "manifest-yaml"
  | "http"
  | "markdown"
  | "data-json"
  | "env"
  | "properties"
  | "css"
  | "svg"
  | "image"
  | "binary-source"
  /** Large XML exports (workflows, schemas, forms: 100 to 200 KB), in the realistic profile only. */
  | "xml-export";

/** Relative weights of the bulk of the files (per-package files and planted files aside). */
export const KIND_WEIGHTS: ReadonlyArray<readonly [FileKind, number]> = [
  ["ts", 33],
  ["test-ts", 8],
  ["tsx", 10],
  ["js", 6],
  ["mjs", 2],
  ["cjs", 2],
  ["xml", 4],
  ["shell", 3],
  ["manifest-yaml", 3],
  ["http", 1],
  ["markdown", 5],
  ["data-json", 6],
  ["env", 0.5],
  ["properties", 1],
  ["css", 6],
  ["svg", 4],
  ["image", 5],
  ["binary-source", 0.05],
];

/** Size range (bytes) of each kind: sizes are log-uniform in it. */
export const KIND_SIZES: Record<FileKind, readonly [number, number]> = {
  ts: [300, 30_000],
  "test-ts": [500, 20_000],
  tsx: [400, 25_000],
  js: [300, 30_000],
  mjs: [300, 15_000],
  cjs: [300, 15_000],
  xml: [300, 20_000],
  shell: [200, 8_000],
  "manifest-yaml": [300, 6_000],
  http: [200, 4_000],
  markdown: [300, 15_000],
  "data-json": [200, 60_000],
  env: [0, 0],
  properties: [100, 3_000],
  css: [200, 20_000],
  svg: [0, 0],
  image: [500, 80_000],
  "binary-source": [1_000, 20_000],
  "xml-export": [100_000, 200_000],
};

/** One package of the monorepo per this many files. */
export const FILES_PER_PACKAGE = 400;
export const PACKAGE_ROOTS = ["packages", "apps", "services", "tools"] as const;
export const WORKFLOWS_AT_ROOT = 4;

/** Share of the files that get a planted legacy pattern, and of decoys (keywords, no finding). */
export const PLANTED_SHARE = 0.015;
export const DECOY_SHARE = 0.01;

/** Files in the ignored `node_modules` and `dist`, per requested file (not counted in the size). */
export const IGNORED_SHARE = 0.1;

/**
 * Large files, one of each per `LARGE_FILES_EVERY` requested files (at least one each once the
 * corpus has `LARGE_FILES_FROM` files): a minified bundle, a large data file, a large XML export
 * under the scanner's default size limit and one over it.
 */
export const LARGE_FILES_EVERY = 20_000;
export const LARGE_FILES_FROM = 500;
export const MINIFIED_BUNDLE_BYTES = 1_200_000;
export const LARGE_DATA_BYTES = 3_000_000;
export const LARGE_XML_BYTES = 2_000_000;
export const OVERSIZED_XML_BYTES = 6 * 1024 * 1024;

/**
 * The corpus profiles (`--profile`). `classic`, the default, is the corpus every earlier figure in
 * bench/RESULTS.md was measured on, byte for byte. `realistic` follows the file sizes of real
 * monorepos (issue 10): JS/TS log-uniform from 300 B to 50 KB (median about 4 KB, a long tail to
 * 50 KB), a few minified bundles of 1 to 2.5 MB, XML exports of 100 to 200 KB, and files with a
 * keyword as large as the others: planted and decoy code gets appended filler of the bulk's size
 * distribution, and planted and decoy `serverConf.xml` and workflow exports are 100 to 200 KB.
 */
export const CORPUS_PROFILES = ["classic", "realistic"] as const;
export type CorpusProfileName = (typeof CORPUS_PROFILES)[number];

export interface CorpusProfile {
  name: CorpusProfileName;
  kindWeights: ReadonlyArray<readonly [FileKind, number]>;
  kindSizes: Record<FileKind, readonly [number, number]>;
  /** Minified bundles per set of large files, and their size range (bytes). */
  minifiedBundles: number;
  minifiedBytes: readonly [number, number];
  /**
   * Planted and decoy files (the files with a keyword): undefined keeps the classic fixtures' sizes
   * (a few filler lines, filler code appended to 70 % of the planted code, up to 8 KB).
   */
  keywordFiles?: {
    /** Size of the filler code appended to every planted and decoy JS/TS file (log-uniform). */
    appendedCodeBytes: readonly [number, number];
    /** Size of planted and decoy serverConf.xml files and workflow exports (uniform). */
    largeXmlBytes: readonly [number, number];
  };
}

const REALISTIC_CODE_BYTES = [300, 50_000] as const;

export const CORPUS_PROFILE: Record<CorpusProfileName, CorpusProfile> = {
  classic: { name: "classic", kindWeights: KIND_WEIGHTS, kindSizes: KIND_SIZES, minifiedBundles: 1, minifiedBytes: [MINIFIED_BUNDLE_BYTES, MINIFIED_BUNDLE_BYTES] },
  realistic: {
    name: "realistic",
    kindWeights: [...KIND_WEIGHTS, ["xml-export", 1]],
    kindSizes: { ...KIND_SIZES, ts: REALISTIC_CODE_BYTES, "test-ts": [400, 40_000], tsx: REALISTIC_CODE_BYTES, js: REALISTIC_CODE_BYTES, mjs: [300, 30_000], cjs: [300, 30_000] },
    minifiedBundles: 4,
    minifiedBytes: [1_050_000, 2_500_000],
    keywordFiles: { appendedCodeBytes: REALISTIC_CODE_BYTES, largeXmlBytes: [100_000, 200_000] },
  },
};
