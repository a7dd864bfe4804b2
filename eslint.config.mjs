// eslint flat config: typescript-eslint with type information so that
// no-floating-promises catches un-awaited assertions and lookups.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "**/node_modules/**",
      "**/.tmp/**",
      ".pulumi-test/**",
      "examples/**/bin/**",
      "policy/bin/**",
      ".stryker-tmp/**",
      "reports/**",
      // Generated SDKs (scripts/generate-sdks.js); tests/sdk checks them instead.
      "sdk/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
