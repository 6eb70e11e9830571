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
  | "binary-source";

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
