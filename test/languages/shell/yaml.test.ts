import { describe, expect, it } from "vitest";
import { shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellDialect, ShellWord } from "../../../src/languages/shell/index.js";
import { parse, position, rangeOf, spanOf, wordsOf } from "./support.js";

const WORKFLOW = [
  "name: deploy",
  "on: push",
  "jobs:",
  "  setup:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      # eslint-disable-next-line campaign-ims/no-jwt-service-account",
  "      - run: nlserver config -setimsjwtauth:Org/Client/Tech/Secret/LS0t",
  "      - name: configure",
  "        run: |",
  "          # inside the script",
  "          nlserver config \\",
  "            -instance:prod -setimsoauth:a/b/c/d",
  "          cat <<EOF > logon.xml",
  "          <urn:Logon/>",
  "          EOF",
  "          echo \"multi",
  "          line\"",
  "      - run: \"echo 'quoted scalar'\"",
  "      - uses: actions/github-script@v7",
  "        with:",
  "          script: |",
  "            github.rest.issues.create({ title: 'not shell' })",
  "      - run: >-",
  "          curl -H 'X-Security-Token: @abc'",
  "          https://acc/nl/jsp/soaprouter.jsp",
  "",
  "          echo folded-paragraph",
  "",
].join("\n");

describe("GitHub Actions YAML", () => {
  it("parses only the shell in run: values (plain, quoted, literal and folded blocks)", () => {
    const { ast, problems } = parse(WORKFLOW, "github-actions");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([
      ["nlserver", "config", "-setimsjwtauth:Org/Client/Tech/Secret/LS0t"],
      ["nlserver", "config", "-instance:prod", "-setimsoauth:a/b/c/d"],
      ["cat"],
      ["echo", "multi\nline"],
      ["echo", "quoted scalar"],
      ["curl", "-H", "X-Security-Token: @abc", "https://acc/nl/jsp/soaprouter.jsp"],
      ["echo", "folded-paragraph"],
    ]);
    expect(ast.commands.every((c) => c.construct === "run")).toBe(true);
    expect(ast.comments.map((c) => [c.value, c.loc.start.line])).toEqual([
      [" eslint-disable-next-line campaign-ims/no-jwt-service-account", 7],
      [" inside the script", 11],
    ]);
  });

  it("keeps each script word at its place in the YAML file", () => {
    const { ast } = parse(WORKFLOW, "github-actions");
    expect(ast.commands[0]).toMatchObject(spanOf(WORKFLOW, "nlserver config -setimsjwtauth:Org/Client/Tech/Secret/LS0t"));
    expect(ast.commands[0]?.loc.start).toEqual({ line: 8, column: 14 });
    const continued = ast.commands[1];
    expect(continued?.loc).toEqual({ start: { line: 12, column: 11 }, end: { line: 13, column: 48 } });
    expect(continued?.words[3]).toMatchObject(spanOf(WORKFLOW, "-setimsoauth:a/b/c/d"));
  });

  it("hides the block indentation from the shell: here-document delimiters and multi-line strings", () => {
    const { ast } = parse(WORKFLOW, "github-actions");
    const heredoc = ast.commands[2]?.redirects[0]?.heredoc;
    expect(heredoc).toMatchObject({ delimiter: "EOF", terminated: true, body: "          <urn:Logon/>\n" });
    const multi = ast.commands[3]?.words[1] as ShellWord;
    expect(multi.raw).toBe('"multi\n          line"');
    // The value's line break maps to the source line break; the indentation is a gap.
    expect(shellWordSourceRange(multi, 0, multi.value.length)).toEqual([rangeOf(WORKFLOW, "multi")[0], rangeOf(WORKFLOW, 'line"')[0] + 4]);
    expect(shellWordSourceRange(multi, 6)).toEqual([rangeOf(WORKFLOW, 'line"')[0], rangeOf(WORKFLOW, 'line"')[0] + 4]);
  });

  it("folds `>` lines into one command and keeps a blank line as a command break", () => {
    const { ast } = parse(WORKFLOW, "github-actions");
    const curl = ast.commands[5];
    expect(curl?.loc).toEqual({ start: { line: 25, column: 11 }, end: { line: 26, column: 44 } });
    expect(ast.commands[6]?.loc.start).toEqual({ line: 28, column: 11 });
  });

  it("reads multi-line plain scalars, folded, and stops at the next key", () => {
    const text = "steps:\n  - run: nlserver config\n      -setimsoauth:a/b/c/d\n    shell: bash\n";
    const { ast } = parse(text, "github-actions");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-setimsoauth:a/b/c/d"]]);
    expect(ast.commands[0]?.loc).toEqual({ start: { line: 2, column: 10 }, end: { line: 3, column: 27 } });
  });

  it("handles chomping indicators, tags and a trailing comment after the indicator", () => {
    const text = "a:\n  run: !!str |- # the script\n    echo one\n\n    echo two\nb: 1\n";
    const { ast } = parse(text, "github-actions");
    expect(wordsOf(ast)).toEqual([["echo", "one"], ["echo", "two"]]);
    expect(ast.comments.map((c) => c.value)).toEqual([" the script"]);
  });

  it("keeps exact positions with CRLF line ends", () => {
    const text = "jobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          nlserver a \\\r\n            b\r\n          echo c\r\n";
    const { ast } = parse(text, "github-actions");
    expect(wordsOf(ast)).toEqual([["nlserver", "a", "b"], ["echo", "c"]]);
    expect(ast.commands[0]?.words[2]?.loc).toEqual({ start: { line: 6, column: 13 }, end: { line: 6, column: 14 } });
    expect(ast.commands[1]?.loc).toEqual({ start: { line: 7, column: 11 }, end: { line: 7, column: 17 } });
  });
});

describe("GitLab CI YAML", () => {
  const PIPELINE = [
    "variables:",
    "  ACC_URL: https://acc",
    "deploy:",
    "  before_script:",
    "  - echo \"before\"",
    "  - 'nlserver config -setimsjwtauth:A/B/C/D/E'",
    "  script:",
    "    # first step",
    "    - |",
    "      export ACC_PASSWORD=s3cret",
    "      nlserver config -setimsoauth:a/b/c/d",
    "    - >",
    "      curl --cookie",
    "      \"__sessiontoken=___123\" https://acc",
    "    - - nested",
    "  after_script: [\"not modelled\"]",
    "  run: not-gitlab-shell",
    "",
  ].join("\n");

  it("parses script:, before_script: and after_script: list items, in every scalar form", () => {
    const { ast, problems } = parse(PIPELINE, "gitlab-ci");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([
      ["echo", "before"],
      ["nlserver", "config", "-setimsjwtauth:A/B/C/D/E"],
      ["export"],
      ["nlserver", "config", "-setimsoauth:a/b/c/d"],
      ["curl", "--cookie", "__sessiontoken=___123", "https://acc"],
      ["nested"],
      ["not", "modelled"],
    ]);
    expect(ast.commands.map((c) => c.construct)).toEqual(["before_script", "before_script", "script", "script", "script", "script", "after_script"]);
    expect(ast.commands[2]?.assignments.map((a) => [a.name, a.value?.value])).toEqual([["ACC_PASSWORD", "s3cret"]]);
    expect(ast.commands[1]).toMatchObject(spanOf(PIPELINE, "nlserver config -setimsjwtauth:A/B/C/D/E"));
    expect(ast.comments.map((c) => c.value)).toEqual([" first step"]);
  });

  it("reads run: only in generic YAML, where all four keys hold shell", () => {
    const { ast } = parse(PIPELINE, "yaml");
    expect(wordsOf(ast).at(-1)).toEqual(["not-gitlab-shell"]);
  });
});

describe("YAML without any script key", () => {
  it("yields comments only", () => {
    const text = "# a compose file\nservices:\n  acc:\n    image: adobe/campaign\n    ports: [8080] # published\n";
    const { ast, problems } = parse(text, "yaml");
    expect(ast.commands).toEqual([]);
    expect(problems).toEqual([]);
    expect(ast.comments.map((c) => c.value)).toEqual([" a compose file", " published"]);
  });
});

describe("a here-document with no body line in a YAML script", () => {
  // The scalar ends with the here-document's line (a lone CR, LF, CRLF or the end of the file after
  // it): the body is empty and unterminated, at the end of the script, never after a line break
  // the script does not own (it used to start past its end: range [9, 8] for "run: <<a\r").
  it.each<[string, ShellDialect, string, [number, number], [number, number], { line: number; column: number }]>([
    ["GitHub Actions, lone CR", "github-actions", "run: <<a\r", [5, 8], [8, 8], { line: 1, column: 9 }],
    ["GitHub Actions, LF", "github-actions", "run: <<a\n", [5, 8], [8, 8], { line: 1, column: 9 }],
    ["GitHub Actions, end of file", "github-actions", "run: <<a", [5, 8], [8, 8], { line: 1, column: 9 }],
    ["GitHub Actions, CRLF after a command", "github-actions", "run: cat <<EOF\r\n", [9, 14], [14, 14], { line: 1, column: 15 }],
    ["GitHub Actions, the next key below", "github-actions", "run: cat <<EOF\nname: x\nEOF\n", [9, 14], [14, 14], { line: 1, column: 15 }],
    ["GitHub Actions, literal block", "github-actions", "run: |\n  cat <<EOF\n", [13, 18], [18, 18], { line: 2, column: 12 }],
    ["GitHub Actions, literal block, CRLF", "github-actions", "run: |\r\n  cat <<EOF\r\n", [14, 19], [19, 19], { line: 2, column: 12 }],
    ["GitHub Actions, quoted scalar", "github-actions", "run: 'cat <<EOF'\r", [10, 15], [15, 15], { line: 1, column: 16 }],
    ["GitLab CI, sequence item, lone CR", "gitlab-ci", "script:\r  - cat <<EOF\r", [16, 21], [21, 21], { line: 2, column: 14 }],
    ["generic YAML, <<- and CRLF", "yaml", "script: cat <<-EOF\r\n", [12, 18], [18, 18], { line: 1, column: 19 }],
  ])("%s", (_name, dialect, text, redirectRange, heredocRange, at) => {
    const { ast, problems } = parse(text, dialect);
    const redirect = ast.commands[0]?.redirects[0];
    expect(redirect?.range).toEqual(redirectRange);
    expect(redirect?.heredoc).toMatchObject({ body: "", bodyRange: heredocRange, range: heredocRange, loc: { start: at, end: at }, terminated: false });
    // The problem is at the operator and its delimiter word, which end where the empty body is.
    expect(problems.map((problem) => [problem.message, problem.loc])).toEqual([
      [`Unterminated here-document: no line "${redirect?.heredoc?.delimiter}" closes it.`, { start: position(text, redirectRange[0]), end: at }],
    ]);
  });

  it("still reads a body on the script's own lines", () => {
    const text = "run: |\r  cat <<EOF\r  <urn:Logon/>\r  EOF\r";
    const { ast, problems } = parse(text, "github-actions");
    expect(problems).toEqual([]);
    expect(ast.commands[0]?.redirects[0]?.heredoc).toMatchObject({ body: "  <urn:Logon/>\r", bodyRange: [19, 34], terminated: true });
  });
});
