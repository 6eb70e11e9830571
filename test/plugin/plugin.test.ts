import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import pkg from "../../package.json" with { type: "json" };

describe("plugin object", () => {
  it("has meta with name, version and namespace", () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: "campaign-ims" });
  });

  it("has the TS/JS configs, the all-languages configs and the Markdown configs", () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([
      "markdown",
      "markdown-with-language",
      "recommended",
      "recommended-all-languages",
      "strict",
      "v8",
      "v8-all-languages",
    ]);
  });
});
