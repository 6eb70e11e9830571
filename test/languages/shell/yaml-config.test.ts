/**
 * The YAML reader (the `yaml` package underneath), the Jenkinsfile and HCL readers and Makefile
 * program variables: what each gives the rules, with the tree invariants checked on every parse.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectShellDialect, shellWordSourceRange } from "../../../src/languages/shell/index.js";
import { blankTemplateDirectives } from "../../../src/languages/shell/parse-yaml.js";
import { parse, rangeOf, wordsOf } from "./support.js";

const REPO = fileURLToPath(new URL("../../../fixtures/config-repo/", import.meta.url));
const files = (directory: string): string[] =>
  readdirSync(directory).flatMap((name) => (statSync(join(directory, name)).isDirectory() ? files(join(directory, name)) : [join(directory, name)]));

describe("config-repo fixtures parse with exact, nested, in-text ranges", () => {
  it.each(files(REPO).map((path) => relative(REPO, path)))("%s", (name) => {
    const { problems } = parse(readFileSync(join(REPO, name), "utf8"), detectShellDialect(name));
    expect(problems).toEqual([]);
  });
});

describe("YAML values", () => {
  it("reads a double-quoted script through its escapes, each word at its source", () => {
    // A line break inside the quotes folds to a space, as YAML reads it.
    const text = 'steps:\n  - run: "curl -H \\"X-Security-Token: $T\\"\n      https://acc/x"\n';
    const { ast } = parse(text, "yaml");
    expect(wordsOf(ast)).toEqual([["curl", "-H", "X-Security-Token: $T", "https://acc/x"]]);
    const header = ast.commands[0]!.words[2]!;
    expect(header.raw).toBe('\\"X-Security-Token: $T\\"');
    expect(shellWordSourceRange(header, 0, 16)).toEqual(rangeOf(text, "X-Security-Token"));
  });

  it("an unquoted script item with `: ` (YAML reads a one-pair map) is read as its line; a map of two pairs or under PowerShell is not", () => {
    const text = [
      "job:",
      "  script:",
      '    - curl -H "X-Session-Token: $T" https://acc/x',
      "    - name: a",
      "      value: b",
      "    - echo done",
      "win:",
      "  pwsh:",
      "    - Write-Host a: b",
      "",
    ].join("\n");
    const { ast } = parse(text, "yaml");
    expect(wordsOf(ast)).toEqual([["curl", "-H", "X-Session-Token: $T", "https://acc/x"], ["echo", "done"]]);
    expect(shellWordSourceRange(ast.commands[0]!.words[2]!, 0, 15)).toEqual(rangeOf(text, "X-Session-Token"));
  });

  it("Helm templates: directives blanked to spaces of the same length (line breaks kept) only when the YAML breaks", () => {
    const spaces = (directive: string): string => directive.replace(/[^\n]/gu, " ");
    const directives = ["{{ .V.x | quote }}", "{{- if .V.y -}}", "${{ secrets.Z }}", "{{/* multi\nline */}}"] as const;
    const [value, control, github, comment] = directives;
    const source = `a: ${value}\n  ${control}\nb: "${github}"\n${comment}`;
    expect(blankTemplateDirectives(source)).toBe(`a: ${spaces(value)}\n  ${spaces(control)}\nb: "${spaces(github)}"\n${spaces(comment)}`);
    expect(blankTemplateDirectives(source)).toHaveLength(source.length);
    const template = ["env:", "  {{- range .Values.extra }}", "  - name: {{ .name }}", "    value: {{ .value }}", "  {{- end }}", "  - name: ACC_PASSWORD", '    value: "Tpl-Pw-1"', ""].join("\n");
    const { ast } = parse(template, "yaml");
    expect(ast.commands.flatMap((c) => c.assignments.map((a) => [a.name, a.value?.value, a.value?.range]))).toEqual([["ACC_PASSWORD", "Tpl-Pw-1", rangeOf(template, "Tpl-Pw-1")]]);
    // Valid YAML with `${{ }}` expressions (GitHub Actions) is read as it is.
    const workflow = "env:\n  ACC_PASSWORD: ${{ secrets.ACC_PASSWORD }}\n  ACC_PWD: Lit-Pw-2\n";
    expect(parse(workflow, "yaml").ast.commands.flatMap((c) => c.assignments.map((a) => [a.name, a.value?.value]))).toEqual([
      ["ACC_PASSWORD", "${{ secrets.ACC_PASSWORD }}"],
      ["ACC_PWD", "Lit-Pw-2"],
    ]);
  });

  it("picks the dialect: pwsh / powershell / cmd shells, a job's defaults, PowerShell keys, other interpreters not read", () => {
    const text = [
      "defaults:",
      "  run:",
      "    shell: pwsh",
      "steps:",
      "  - run: $env:A = 'x'",
      "  - run: echo a",
      "    shell: bash",
      "  - run: print('no')",
      "    shell: python",
      "  - run: set B=1",
      "    shell: cmd",
      "  - powershell: Write-Host c",
      "",
    ].join("\n");
    const { ast } = parse(text, "yaml");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value), c.assignments.map((a) => `${a.kind} ${a.name}`)])).toEqual([
      ["run", [], ["powershell-env A"]],
      ["run", ["echo", "a"], []],
      ["run", ["set"], ["batch-set B"]],
      ["powershell", ["Write-Host", "c"], []],
    ]);
  });

  it("exec form: one command of the items; the item after sh -c is a script; K8s args after command [sh, -c]", () => {
    const text = 'a:\n  entrypoint: ["nlserver", "web", "-instance:p"]\nb:\n  command: ["/bin/sh", "-c"]\n  args: ["echo one && echo two"]\n';
    const { ast } = parse(text, "yaml");
    expect(wordsOf(ast)).toEqual([["nlserver", "web", "-instance:p"], ["/bin/sh", "-c"], ["echo", "one"], ["echo", "two"]]);
  });

  it("settings: secret-named keys with their key path, name/value entries, NAME=value items, GitLab { value }", () => {
    const text = [
      "campaign:",
      "  password: 'it''s'",
      "env:",
      "  - name: ACC_PASSWORD",
      "    value: x1",
      "environment:",
      "  - ACC_PWD=y2",
      "variables:",
      "  MC_PASSWORD:",
      "    value: z3",
      "other:",
      "  host: h",
      "",
    ].join("\n");
    const { ast } = parse(text, "yaml");
    const settings = ast.commands.flatMap((c) => c.assignments.map((a) => [a.kind, a.name, a.path ?? null, a.value?.value, a.value?.raw]));
    expect(settings).toEqual([
      ["yaml", "password", "campaign.password", "it's", "it''s"],
      ["yaml", "ACC_PASSWORD", null, "x1", "x1"],
      ["yaml", "ACC_PWD", null, "y2", "y2"],
      ["yaml", "MC_PASSWORD", "variables.MC_PASSWORD", "z3", "z3"],
    ]);
  });

  it("reads a script line YAML rejects (`: ` in a plain value) as text, and survives invalid YAML", () => {
    const { ast } = parse('- run: curl -H "X-Security-Token: t" https://acc\n', "github-actions");
    expect(wordsOf(ast)).toEqual([["curl", "-H", "X-Security-Token: t", "https://acc"]]);
    expect(parse("a: [1, 2\nb: {{ .Values.x }}\n  - : :\n", "yaml").ast.commands).toEqual([]);
  });

  it("a here-document opened on a block's last line ends with the block (no range ends before it starts)", () => {
    for (const text of ["steps:\n  - run: |\n      cat <<a\n", "steps:\r\n  - run: |\r\n      cat <<a\r", "run: <<a\r"]) {
      const { ast } = parse(text, "github-actions");
      const heredoc = ast.commands[0]!.redirects[0]!.heredoc!;
      expect(heredoc.terminated).toBe(false);
      expect(heredoc.range[0]).toBeLessThanOrEqual(heredoc.range[1]);
      expect(heredoc.bodyRange[0]).toBeLessThanOrEqual(heredoc.bodyRange[1]);
    }
  });
});

describe("Jenkinsfile, HCL and Makefile program variables", () => {
  it("Jenkinsfile: step strings by dialect, environment entries, withEnv items; strings elsewhere are not read", () => {
    const text = "environment {\n  ACC_PWD = 'a\\'b'\n}\nsh \"echo \\\"q\\\"\"\nbat 'set X=1'\necho 'sh \"no\"'\nwithEnv(['MC_PASSWORD=p']) { }\n";
    const { ast } = parse(text, "jenkinsfile");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value), c.assignments.map((a) => `${a.name}=${a.value?.value}`)])).toEqual([
      ["environment", [], ["ACC_PWD=a'b"]],
      ["sh", ["echo", "q"], []],
      ["bat", ["set"], ["X=1"]],
      ["withEnv", [], ["MC_PASSWORD=p"]],
    ]);
  });

  it("HCL: a variable's default is named by the variable; attributes carry their block path; expressions are not literals", () => {
    const text = 'variable "acc_pwd" {\n  default = "d1"\n}\nprovider "campaign" {\n  password = "p2"\n  other = var.x\n}\nlocals { x = "${a}" }\n';
    const { ast } = parse(text, "hcl");
    expect(ast.commands.flatMap((c) => c.assignments.map((a) => [a.name, a.path ?? null, a.value?.value]))).toEqual([
      ["acc_pwd", null, "d1"],
      ["password", "provider.campaign.password", "p2"],
      ["x", "locals.x", "${a}"],
    ]);
  });

  it("Makefile: a variable a recipe runs as its program becomes that command", () => {
    const text = "SOAP = curl -s -H 'X: 1'\nURL = https://acc\nall:\n\t$(SOAP) $(URL)\n";
    const { ast } = parse(text, "makefile");
    expect(ast.commands.map((c) => [c.construct, c.words.map((w) => w.value), c.assignments.map((a) => a.name)])).toEqual([
      ["variable-command", ["curl", "-s", "-H", "X: 1"], []],
      ["variable", [], ["URL"]],
      ["recipe", ["$(SOAP)", "$(URL)"], []],
    ]);
  });
});
