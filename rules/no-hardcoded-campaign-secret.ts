/**
 * no-hardcoded-campaign-secret: OWNER FILLS IN (rule under construction).
 */
import { createRule } from "../src/create-rule.js";

export default createRule({
  name: "no-hardcoded-campaign-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hard-coded Campaign passwords, tokens, client secrets and private keys",
      recommended: true,
      kind: "hardcoded-secret",
    },
    schema: [],
    messages: {},
  },
  defaultOptions: [],
  create: {},
});
