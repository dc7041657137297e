// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Which workspace packages each package may import: the layering rule. */
const layers = {
  protocol: [],
  plan: ["protocol"],
  store: ["protocol"],
  engine: ["protocol", "plan", "store"],
  client: ["protocol", "engine"],
  drill: ["protocol", "plan", "engine", "store"],
  auth: ["protocol", "plan"],
};
const all = [
  "protocol",
  "plan",
  "store",
  "engine",
  "client",
  "drill",
  "auth",
  "server",
  "web",
];

const boundaries = Object.entries(layers).map(([pkg, allowed]) => ({
  files: [`packages/${pkg}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: all
          .filter((p) => p !== pkg && !allowed.includes(p))
          .map((p) => ({
            group: [`@muster/${p}`, `@muster/${p}/*`],
            message: `packages/${pkg} may import only ${allowed.join(", ") || "no workspace package"}`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "reports/**",
      "eslint.config.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_" },
      ],
    },
  },
  ...boundaries,
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    // Tests run in Node and may load the plan from disk.
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@muster/server",
                "@muster/store",
                "@muster/store/*",
                "@muster/drill",
                "@muster/plan/load",
              ],
              message: "the web app runs in the browser: no server code",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "**/*.test.ts",
      "**/test/**/*.ts",
      "**/bench/**/*.ts",
      "**/scripts/**/*.ts",
    ],
    rules: { "no-console": "off" },
  },
  {
    // Tests build broken plans and messages on purpose, from untyped data.
    files: ["**/*.test.ts", "**/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
);
