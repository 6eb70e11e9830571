/**
 * no-jwt-service-account: OWNER FILLS IN (rule under construction).
 */
import { createRule } from "../src/create-rule.js";

export default createRule({
  name: "no-jwt-service-account",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Adobe IMS Service Account (JWT) credentials: use OAuth Server-to-Server",
      recommended: true,
      kind: "jwt",
    },
    schema: [],
    messages: {},
  },
  defaultOptions: [],
  create: {},
});
