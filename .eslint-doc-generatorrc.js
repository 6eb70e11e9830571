/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
    ["v8", "8️⃣"],
    ["markdown", "🧾"],
  ],
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "fixable", "hasSuggestions", "options"],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
