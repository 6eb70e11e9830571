import { describe, expect, it } from "vitest";
import { shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellWord } from "../../../src/languages/shell/index.js";
import { assignmentsOf, parse, rangeOf, spanOf, wordsOf } from "./support.js";

describe(".env files", () => {
  const ENV = [
    "# Campaign credentials",
    "ACC_URL=https://acc.example.com",
    "export ACC_USER=admin",
    'ACC_PASSWORD="s3 \\"cret\\"\\n" # trailing comment',
    "ACC_SESSIONTOKEN='admin/pass'",
    "ACC_PWD = spaced value   ",
    "YAML_STYLE: value",
    "EMPTY=",
    "HASH=pa#ss",
    "MULTI=\"line one",
    "line two\"",
    "REF=${ACC_URL}/nl",
    "not an assignment",
    "",
  ].join("\n");

  it("reads KEY=value, export KEY=value and KEY: value lines", () => {
    const { ast, problems } = parse(ENV, "env");
    expect(problems).toEqual([]);
    expect(assignmentsOf(ast)).toEqual([
      "env-file ACC_URL=https://acc.example.com",
      "env-file ACC_USER=admin",
      'env-file ACC_PASSWORD=s3 "cret"\n',
      "env-file ACC_SESSIONTOKEN=admin/pass",
      "env-file ACC_PWD=spaced value",
      "env-file YAML_STYLE:value",
      "env-file EMPTY=<null>",
      "env-file HASH=pa#ss",
      "env-file MULTI=line one\nline two",
      "env-file REF=${ACC_URL}/nl",
    ]);
    expect(wordsOf(ast)).toEqual([[], ["export"], [], [], [], [], [], [], [], []]);
    expect(ast.commands.every((c) => c.construct === null)).toBe(true);
    expect(ast.comments.map((c) => c.value)).toEqual([" Campaign credentials", " trailing comment"]);
  });

  it("gives names and values exact ranges; quoted values map inside the quotes", () => {
    const { ast } = parse(ENV, "env");
    const password = ast.commands[2]?.assignments[0];
    expect(password).toMatchObject({ nameRange: rangeOf(ENV, "ACC_PASSWORD"), operator: "=", ...spanOf(ENV, 'ACC_PASSWORD="s3 \\"cret\\"\\n"') });
    const value = password?.value as ShellWord;
    expect(value).toMatchObject({ quoted: true, raw: '"s3 \\"cret\\"\\n"', ...spanOf(ENV, '"s3 \\"cret\\"\\n"') });
    expect(shellWordSourceRange(value, 0)).toEqual(rangeOf(ENV, 's3 \\"cret\\"\\n'));
    expect(ast.commands[4]?.assignments[0]?.value).toMatchObject(spanOf(ENV, "spaced value"));
    expect(ast.commands[6]?.assignments[0]).toMatchObject({ value: null, range: rangeOf(ENV, "EMPTY=") });
    expect(ast.commands[8]?.assignments[0]?.loc).toEqual({ start: { line: 10, column: 1 }, end: { line: 11, column: 10 } });
    expect(ast.commands[9]?.assignments[0]?.value?.hasExpansion).toBe(true);
  });

  it("keeps exact positions with CRLF and a BOM", () => {
    const text = "\uFEFFACC_USER=admin\r\nACC_PASSWORD=x\r\n";
    const { ast } = parse(text, "env");
    expect(assignmentsOf(ast)).toEqual(["env-file ACC_USER=admin", "env-file ACC_PASSWORD=x"]);
    expect(ast.commands[0]?.range).toEqual([1, 15]);
    expect(ast.commands[1]?.assignments[0]?.value?.loc).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 15 } });
  });
});

describe(".properties files", () => {
  it("reads key=value, key: value and key value entries, escapes and continuations", () => {
    const text = [
      "# comment",
      "! also a comment",
      "campaign.user=admin",
      "campaign.password : s3cret",
      "campaign.url https://acc",
      "multi.line = first \\",
      "    second",
      "key\\ with\\:colon = v\\u0041\\t",
      "empty=",
      "",
    ].join("\n");
    const { ast, problems } = parse(text, "properties");
    expect(problems).toEqual([]);
    expect(assignmentsOf(ast)).toEqual([
      "properties campaign.user=admin",
      "properties campaign.password:s3cret",
      "properties campaign.url https://acc",
      "properties multi.line=first second",
      "properties key with:colon=vA\t",
      "properties empty=<null>",
    ]);
    expect(ast.comments.map((c) => [c.marker, c.value])).toEqual([
      ["#", " comment"],
      ["!", " also a comment"],
    ]);
    const password = ast.commands[1]?.assignments[0];
    expect(password).toMatchObject({ nameRange: rangeOf(text, "campaign.password"), ...spanOf(text, "campaign.password : s3cret") });
    expect(password?.value).toMatchObject(spanOf(text, "s3cret"));
    const multi = ast.commands[3]?.assignments[0]?.value as ShellWord;
    expect(multi.loc).toEqual({ start: { line: 6, column: 14 }, end: { line: 7, column: 11 } });
    expect(shellWordSourceRange(multi, multi.value.indexOf("second"))).toEqual(rangeOf(text, "second"));
    const escaped = ast.commands[4]?.assignments[0];
    expect(escaped?.nameRange).toEqual(rangeOf(text, "key\\ with\\:colon"));
    const a = escaped?.value as ShellWord;
    expect(shellWordSourceRange(a, 1, 2)).toEqual(rangeOf(text, "\\u0041"));
  });
});
