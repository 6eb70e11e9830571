/**
 * Found by the scanner property: a string left open across line breaks to the end of the file
 * gets Momoa's "Unexpected end of input" on the string's first line, at a column past that
 * line's end (its line count stops inside the string). The plugin's JSON language takes every
 * parse error's line and column from its offset.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const parseErrors = (text: string): string[] =>
  linter
    .verify(text, plugin.configs.strict, { filename: "/repo/package.json" })
    .map((message) => `${message.fatal ? "fatal" : "not fatal"} ${message.line}:${message.column} ${message.message}`);

describe("positions of JSON parse errors", () => {
  it("a string open to the end of the file, across line breaks: the error at the end of the file", () => {
    expect(parseErrors('{\n  "url": "{{host}}/nl/\n      }\n    }\n  ]\n}\n')).toEqual(["fatal 7:1 Parsing error: Unexpected end of input found."]);
    expect(parseErrors('{"url": "x\r\n  }\r\n')).toEqual(["fatal 3:1 Parsing error: Unexpected end of input found."]);
    expect(parseErrors('{"url": "x\r}')).toEqual(["fatal 2:2 Parsing error: Unexpected end of input found."]);
  });

  it("end of input after a final line break (LF, CRLF, CR): right after the last token, inside its line", () => {
    expect(parseErrors('{\n  "dependencies": {\n    "@adobe/jwt-auth": "^2"\n  }\n')).toEqual(["fatal 4:4 Parsing error: Unexpected end of input found."]);
    expect(parseErrors('{\r\n  "dependencies": {\r\n  }\r\n')).toEqual(["fatal 3:4 Parsing error: Unexpected end of input found."]);
    expect(parseErrors('{\r  "dependencies": {\r  }\r')).toEqual(["fatal 3:4 Parsing error: Unexpected end of input found."]);
  });

  it("end of input on a line of its own: after its last character", () => {
    expect(parseErrors('{\n  "dependencies": {}')).toEqual(["fatal 2:21 Parsing error: Unexpected end of input found."]);
  });
});
