// One lint setup: Microsoft's Office add-in config (Office.js rules, React, Prettier) plus
// typescript-eslint's recommended rules (their rules only: the add-in config already brings the plugin).
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

const typescriptRecommended = Object.assign(
  {},
  ...tseslint.configs.recommended.map((c) => c.rules ?? {})
);
// The add-in config bundles an older typescript-eslint; point it at ours so the versions agree with ESLint 9.
const officeReact = officeAddins.configs.react.map((c) =>
  c.plugins?.["@typescript-eslint"]
    ? { ...c, plugins: { ...c.plugins, "@typescript-eslint": tseslint.plugin } }
    : c
);

export default [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "out/",
      "coverage/",
      "scratch/",
      "test-results/",
      "src/engine/rules/index.generated.ts",
    ],
  },
  ...officeReact,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: { parser: tseslint.parser },
    rules: typescriptRecommended,
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js rules read any getCell()/value as Excel's proxy objects: keep them to the Office host.
    ignores: ["src/hosts/excel/**", "src/ui/**", "src/commands/**"],
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "off"])
    ),
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-var-requires": "off",
    },
  },
];
