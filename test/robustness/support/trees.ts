/**
 * fast-check arbitraries of small trees for the scanner: mutated fixtures, random texts in the
 * encodings a repository holds, and random bytes.
 */
import fc from "fast-check";
import { ALL_PATHS, PATHS_BY_GROUP, type LanguageGroup } from "./corpus.js";
import { bytesOf, mutatedFixture, type MutatedFixture } from "./mutations.js";
import { pathIn, textFor } from "./texts.js";

/** How a file of a tree is encoded: the scanner decodes UTF-8 and UTF-16 with a BOM; anything else is bytes. */
export type Encoding = "utf8" | "utf8-bom" | "utf16le-bom" | "utf16be-bom" | "latin1";

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.from(`\uFEFF${text}`, "utf8");
    case "utf16le-bom":
      return Buffer.from(`\uFEFF${text}`, "utf16le");
    case "utf16be-bom":
      return Buffer.from(`\uFEFF${text}`, "utf16le").swap16();
    case "latin1":
      return Buffer.from(text, "latin1");
  }
}

export interface TreeFile {
  path: string;
  /** What the bytes are, for the failure report. */
  origin: MutatedFixture | { text: string; encoding: Encoding } | { bytes: number[] };
  bytes: Buffer;
}

/** One file of a scanned tree: a mutated fixture, a random text in some encoding, or random bytes. */
const treeFile: fc.Arbitrary<TreeFile> = fc.oneof(
  { weight: 3, arbitrary: mutatedFixture().map((mutated): TreeFile => ({ path: mutated.path, origin: mutated, bytes: bytesOf(mutated) })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...(Object.keys(PATHS_BY_GROUP) as LanguageGroup[]))
      .chain((group) => fc.tuple(pathIn(group), textFor(group), fc.constantFrom<Encoding>("utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "latin1")))
      .map(([path, text, encoding]): TreeFile => ({ path, origin: { text, encoding }, bytes: encode(text, encoding) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...ALL_PATHS), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 2048 }))
      .map(([path, bytes]): TreeFile => ({ path, origin: { bytes }, bytes: Buffer.concat([Buffer.from("sessiontoken logon\n"), Buffer.from(bytes)]) })),
  },
);

/** A small tree of scanned files (one file per path). */
export const tree: fc.Arbitrary<TreeFile[]> = fc.uniqueArray(treeFile, { minLength: 1, maxLength: 6, selector: (file) => file.path });
