import { describe, expect, it } from "vitest";
import { shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellWord } from "../../../src/languages/shell/index.js";
import { assignmentsOf, parse, rangeOf, spanOf, wordsOf } from "./support.js";

describe("Makefile", () => {
  it("parses recipe lines as shell, dropping the tab and the @ - + prefixes", () => {
    const text = [
      "# Campaign instance setup",
      ".PHONY: setup",
      "setup: build",
      "\t@nlserver config -instance:prod -setimsoauth:a/b/c/d",
      "\t-@rm -f key.pem && echo cleaned",
      "\t+$(MAKE) -C sub",
      "",
    ].join("\n");
    const { ast, problems } = parse(text, "makefile");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([
      ["nlserver", "config", "-instance:prod", "-setimsoauth:a/b/c/d"],
      ["rm", "-f", "key.pem"],
      ["echo", "cleaned"],
      ["$(MAKE)", "-C", "sub"],
    ]);
    expect(ast.commands.map((c) => c.construct)).toEqual(["recipe", "recipe", "recipe", "recipe"]);
    expect(ast.commands[0]).toMatchObject(spanOf(text, "nlserver config -instance:prod -setimsoauth:a/b/c/d"));
    expect(ast.commands[0]?.loc.start).toEqual({ line: 4, column: 3 });
    expect(ast.comments.map((c) => c.value)).toEqual([" Campaign instance setup"]);
  });

  it("joins continued recipe lines: the continuation line's recipe tab is not shell text", () => {
    const text = "deploy:\n\tnlserver config -setimsjwtauth:Org/Client/\\\n\tTech/Secret/LS0t \\\n\t  -instance:prod\n";
    const { ast } = parse(text, "makefile");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-setimsjwtauth:Org/Client/Tech/Secret/LS0t", "-instance:prod"]]);
    const jwt = ast.commands[0]?.words[2] as ShellWord;
    expect(jwt.raw).toBe("-setimsjwtauth:Org/Client/\\\n\tTech/Secret/LS0t");
    expect(jwt.loc).toEqual({ start: { line: 2, column: 18 }, end: { line: 3, column: 18 } });
    const tech = jwt.value.indexOf("Tech");
    expect(shellWordSourceRange(jwt, tech, tech + 4)).toEqual(rangeOf(text, "Tech"));
    expect(shellWordSourceRange(jwt, tech - 1, tech + 4)).toEqual([rangeOf(text, "Client/")[1] - 1, rangeOf(text, "Tech")[1]]);
  });

  it("reads the part after `;` on a rule line as a recipe", () => {
    const { ast } = parse("token: ; curl -H 'X-Security-Token: @abc' https://acc # c\n", "makefile");
    expect(wordsOf(ast)).toEqual([["curl", "-H", "X-Security-Token: @abc", "https://acc"]]);
    expect(ast.comments.map((c) => c.value)).toEqual([" c"]);
  });

  it("reads variable assignments with every operator, export/override prefixes, continuations and trailing comments", () => {
    const text = [
      "ACC_USER = admin",
      "ACC_PASSWORD := s3cret # keep out of git",
      "export ACC_URL ?= https://acc \\",
      "    /nl/jsp",
      "override FLAGS += -v",
      "HASH = a\\#b",
      "EMPTY =",
      "OUT != date",
      "",
    ].join("\n");
    const { ast } = parse(text, "makefile");
    expect(assignmentsOf(ast)).toEqual([
      "make ACC_USER=admin",
      "make ACC_PASSWORD:=s3cret",
      "make ACC_URL?=https://acc /nl/jsp",
      "make FLAGS+=-v",
      "make HASH=a#b",
      "make EMPTY=<null>",
      "make OUT!=date",
    ]);
    expect(wordsOf(ast)).toEqual([[], [], ["export"], ["override"], [], [], []]);
    expect(ast.commands.every((c) => c.construct === "variable")).toBe(true);
    const password = ast.commands[1]?.assignments[0];
    expect(password).toMatchObject({ nameRange: rangeOf(text, "ACC_PASSWORD"), ...spanOf(text, "ACC_PASSWORD := s3cret") });
    expect(password?.value).toMatchObject(spanOf(text, "s3cret"));
    expect(ast.comments.map((c) => c.value)).toEqual([" keep out of git"]);
    // The folded continuation is one value space mapped to the backslash, line break and indentation.
    const url = ast.commands[2]?.assignments[0]?.value as ShellWord;
    const space = url.value.indexOf(" ");
    expect(text.slice(...shellWordSourceRange(url, space, space + 1))).toBe(" \\\n    ");
  });

  it("does not read tab-indented lines before the first rule, or define … endef bodies, as recipes", () => {
    const text = "\techo not-a-recipe\ndefine SCRIPT\n\tnlserver inside-define\nendef\nall:\n\techo yes\n";
    const { ast } = parse(text, "makefile");
    expect(wordsOf(ast)).toEqual([["echo", "yes"]]);
  });

  it("keeps exact positions with CRLF line ends", () => {
    const text = "all:\r\n\t@nlserver a \\\r\n\tb\r\n";
    const { ast } = parse(text, "makefile");
    expect(wordsOf(ast)).toEqual([["nlserver", "a", "b"]]);
    expect(ast.commands[0]?.words[2]).toMatchObject({ loc: { start: { line: 3, column: 2 }, end: { line: 3, column: 3 } } });
  });
});
