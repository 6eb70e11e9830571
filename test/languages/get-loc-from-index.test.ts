/**
 * The languages answer getLocFromIndex from a line index built once (plugin-kit's rescans the
 * last line on every call). The answers must be exactly plugin-kit's, for every offset.
 */
import { TextSourceCodeBase } from "@eslint/plugin-kit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { httpLanguage } from "../../src/languages/http/index.js";
import { shellLanguage } from "../../src/languages/shell/index.js";
import { xmlLanguage } from "../../src/languages/xml/index.js";
import { propertyOptions } from "../support/properties.js";

const languages = { xml: [xmlLanguage, "a.xml"], http: [httpLanguage, "a.http"], shell: [shellLanguage, "a.sh"] } as const;

function sourceCodeOf(name: keyof typeof languages, text: string) {
  const [language, path] = languages[name];
  const file = { body: text, path, physicalPath: path, bom: false };
  const parsed = (language as any).parse(file, { languageOptions: {} });
  if (!parsed.ok) return undefined;
  return (language as any).createSourceCode(file, parsed, { languageOptions: {} }) as TextSourceCodeBase;
}

const baseGetLocFromIndex = TextSourceCodeBase.prototype.getLocFromIndex;

describe.each(Object.keys(languages) as (keyof typeof languages)[])("%s getLocFromIndex", (name) => {
  it("equals plugin-kit's answer for every offset of arbitrary text with mixed line breaks", () => {
    const line = fc.stringMatching(/^[a-z <>/="#:\t]{0,12}$/);
    const text = fc.array(fc.tuple(line, fc.constantFrom("\n", "\r\n", "\r")), { maxLength: 8 }).chain((lines) =>
      line.map((last) => lines.map(([l, eol]) => l + eol).join("") + last),
    );
    fc.assert(
      fc.property(text, (source) => {
        const ours = sourceCodeOf(name, source);
        const reference = sourceCodeOf(name, source);
        if (ours === undefined || reference === undefined) return;
        for (let index = 0; index <= source.length; index++) {
          expect(ours.getLocFromIndex(index)).toEqual(baseGetLocFromIndex.call(reference, index));
        }
      }),
      propertyOptions(200),
    );
  });

  it("rejects offsets outside the text as plugin-kit does", () => {
    const sourceCode = sourceCodeOf(name, "abc")!;
    expect(sourceCode.getLocFromIndex).not.toBe(baseGetLocFromIndex);
    expect(() => sourceCode.getLocFromIndex(-1)).toThrow(RangeError);
    expect(() => sourceCode.getLocFromIndex(4)).toThrow(RangeError);
    expect(() => sourceCode.getLocFromIndex("1" as unknown as number)).toThrow(TypeError);
  });
});
