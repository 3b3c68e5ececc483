import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

// lib/ is pure TypeScript (DESIGN.md section 5): no React, Next, DOM or clock,
// and each third-party library has exactly one adapter file.
const pureImports = {
  paths: [
    { name: "react", message: "lib/ is pure: no React." },
    { name: "react-dom", message: "lib/ is pure: no React." },
    { name: "mermaid", message: "Only components/diagram/mermaid-adapter.ts imports mermaid." },
  ],
  patterns: [
    { group: ["next", "next/*"], message: "lib/ is pure: no Next." },
    { group: ["@/components/*", "@/app/*"], message: "lib/ must not depend on the UI." },
  ],
};
const libAdapters = ["lib/values/render-yaml.ts", "lib/bundle/zip.ts", "lib/share/compress.ts"];

const libRestrictions = {
  files: ["lib/**/*.ts"],
  ignores: libAdapters,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        ...pureImports,
        paths: [
          ...pureImports.paths,
          { name: "yaml", message: "Use lib/values/render-yaml.ts." },
          { name: "fflate", message: "Use lib/bundle/zip.ts or lib/share/compress.ts." },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      { name: "window", message: "lib/ is pure: no DOM." },
      { name: "document", message: "lib/ is pure: no DOM." },
      { name: "localStorage", message: "lib/ is pure: no DOM." },
    ],
    "no-restricted-properties": [
      "error",
      { object: "Date", property: "now", message: "lib/ has no clock: outputs are deterministic." },
      { object: "Math", property: "random", message: "lib/ is deterministic." },
    ],
  },
};

// Only the adapters import their library, so a library can be swapped in one file.
const adapterRestrictions = {
  files: ["**/*.ts", "**/*.tsx"],
  ignores: [
    ...libAdapters,
    "components/diagram/mermaid-adapter.ts",
    "components/outputs/highlight-adapter.ts",
    "components/outputs/line-diff.ts",
    "**/*.test.ts",
    "e2e/**",
    "bench/**",
    "scripts/**",
  ],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          { name: "yaml", message: "Use lib/values/render-yaml.ts." },
          { name: "fflate", message: "Use lib/bundle/zip.ts or lib/share/compress.ts." },
          { name: "mermaid", message: "Use components/diagram/mermaid-adapter.ts." },
          { name: "diff", message: "Use components/outputs/line-diff.ts." },
        ],
        patterns: [
          { group: ["@shikijs/*"], message: "Use components/outputs/highlight-adapter.ts." },
        ],
      },
    ],
  },
};

const libAdapterRestrictions = {
  files: libAdapters,
  rules: { "no-restricted-imports": ["error", pureImports] },
};

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  adapterRestrictions,
  libRestrictions,
  libAdapterRestrictions,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "out/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      ".test-reports/**",
    ],
  },
];

export default config;
