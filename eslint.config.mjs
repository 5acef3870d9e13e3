import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // Layers point one way: app → components → lib/<feature> → neutral lib modules. Domain code
  // speaks neither HTTP nor React, so it can be called from a route, a script or a job alike.
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/http/**", "lib/openapi/**", "lib/client/**", "lib/generated/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/http/*", "@/lib/http/*"], message: "Domain code must not depend on the HTTP layer (lib/http); move what it needs to a neutral module." },
            { group: ["next", "next/*", "react", "react-dom", "@/app/*", "@/components/*"], allowTypeImports: true, message: "Domain code must not depend on Next.js, React, pages or components." },
          ],
        },
      ],
    },
  },
];

export default config;
