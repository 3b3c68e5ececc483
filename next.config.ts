import type { NextConfig } from "next";

// The site is a static export (DESIGN.md section 5): no server, any static host.
// BASE_PATH lets it live under a sub-path, e.g. BASE_PATH=/bufstream-wizard.
const basePath = process.env.BASE_PATH?.replace(/\/+$/, "") ?? "";

const nextConfig: NextConfig = {
  output: "export",
  basePath,
  // Static hosts map /x/ to /x/index.html without rewrite rules (STACK.md trap 4).
  trailingSlash: true,
  images: { unoptimized: true },
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  poweredByHeader: false,
  reactStrictMode: true,
  // Two of mermaid's dependencies swapped for code the page already has
  // (issue 14: JavaScript fetched by the first live drawing, about 16 KiB gzip
  // less; every preset's topology and the client sequence SVGs tried came out
  // byte-identical before and after):
  turbopack: {
    // dagre-d3-es (mermaid's layout) imports lodash-es whole (11 KiB gzip);
    // mermaid itself already uses es-toolkit, whose compat build is made as
    // lodash's drop-in replacement.
    resolveAlias: { "lodash-es": "es-toolkit/compat" },
    // Mermaid's bundled js-yaml becomes a bridge to `yaml` (see the loader).
    rules: {
      "*.mjs": {
        condition: {
          path: /mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/]chunk-[A-Z0-9]+\.mjs$/,
        },
        loaders: ["./scripts/mermaid-yaml-loader.cjs"],
      },
    },
  },
};

export default nextConfig;
