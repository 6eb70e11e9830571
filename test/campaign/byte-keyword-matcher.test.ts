/**
 * The byte-level prefilter gives the same answer as the regular expression on the decoded text,
 * for any bytes: valid and invalid UTF-8, any letter case, keywords cut by multi-byte characters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteKeywordMatcher } from "../../src/campaign/byte-keyword-matcher.js";
import { ALL_KEYWORDS, containsAnyKeyword, containsAnyKeywordInUtf8 } from "../../src/campaign/keywords.js";
import { propertyOptions } from "../support/properties.js";

const randomCase = (text: string, mask: number): string =>
  [...text].map((char, index) => ((mask >> index % 31) & 1 ? char.toUpperCase() : char)).join("");

/** Bytes made of keyword pieces, ASCII, UTF-8 characters and invalid sequences. */
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...ALL_KEYWORDS), fc.nat(), fc.nat(), fc.nat()).map(([keyword, mask, from, to]) => {
    const cased = randomCase(keyword, mask);
    // Whole keywords and fragments of them.
    const start = from % cased.length;
    return Buffer.from(to % 3 === 0 ? cased : cased.slice(start, start + 1 + (to % cased.length)), "latin1");
  }),
  fc.string({ maxLength: 6 }).map((text) => Buffer.from(text, "utf8")),
  fc.constantFrom("é", "ſ", "ı", "K", "𝒜", "\u00a0", "Ｓ").map((text) => Buffer.from(text, "utf8")),
  fc.uint8Array({ maxLength: 4 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff])),
);

describe("keyword search on bytes", () => {
  it("answers as containsAnyKeyword on the UTF-8-decoded text, for any bytes", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = Buffer.concat(pieces);
        expect(containsAnyKeywordInUtf8(bytes)).toBe(containsAnyKeyword(bytes.toString("utf8")));
      }),
      propertyOptions(5000),
    );
  });

  it("finds each keyword in any case, at the start, the end and after a partial match", () => {
    for (const keyword of ALL_KEYWORDS) {
      expect(containsAnyKeywordInUtf8(Buffer.from(keyword.toUpperCase()))).toBe(true);
      expect(containsAnyKeywordInUtf8(Buffer.from(`é ${randomCase(keyword, 0b10101)}`))).toBe(true);
      expect(containsAnyKeywordInUtf8(Buffer.from(`${keyword.slice(0, -1)}${keyword}`))).toBe(true);
      // A cut keyword may still contain a shorter one ("acc_session_toke" contains "acc_").
      expect(containsAnyKeywordInUtf8(Buffer.from(keyword.slice(0, -1)))).toBe(containsAnyKeyword(keyword.slice(0, -1)));
    }
  });

  it("finds overlapping keywords through failure links and says no on unrelated text", () => {
    const matcher = new ByteKeywordMatcher(["abcd", "bce", "ce"]);
    expect(matcher.test(Buffer.from("xxABCE"))).toBe(true);
    expect(matcher.test(Buffer.from("abcx"))).toBe(false);
    expect(matcher.test(Buffer.from("ABCD"))).toBe(true);
    expect(matcher.test(new Uint8Array())).toBe(false);
    expect(containsAnyKeywordInUtf8(Buffer.from("export const total = orders.reduce((sum, order) => sum + order.price, 0);\n"))).toBe(false);
  });

  it("refuses keywords it cannot match byte for byte", () => {
    expect(() => new ByteKeywordMatcher([])).toThrow("at least one keyword");
    expect(() => new ByteKeywordMatcher(["café"])).toThrow("printable ASCII");
  });
});
