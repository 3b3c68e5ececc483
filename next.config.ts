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
  // Three of mermaid's dependencies swapped for code the page already has, or
  // left out where the wizard never reaches them (issue 14: JavaScript fetched
  // by the first live drawing; lodash-es and js-yaml about 16 KiB gzip, marked
  // about 12 KiB more). The SVGs came out byte-identical before and after each:
  // for marked, every preset's topology and client sequence drawings, light
  // and dark (96 SVGs); for the first two, every topology and the sequences tried.
  turbopack: {
    // dagre-d3-es (mermaid's layout) imports lodash-es whole (11 KiB gzip);
    // mermaid itself already uses es-toolkit, whose compat build is made as
    // lodash's drop-in replacement.
    resolveAlias: {
      "lodash-es": "es-toolkit/compat",
      // Mermaid's markdown labels, which the wizard's escaped labels never are
      // (see the stub): marked is about 12 KiB gzip of the first drawing.
      marked: "./scripts/mermaid-marked-stub.mjs",
    },
    // Mermaid's bundled js-yaml becomes a bridge to `yaml`, and the copy its
    // getConfig() makes on every call a faster one with the same result (see
    // each loader).
    rules: {
      "*.mjs": {
        condition: {
          path: /mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/]chunk-[A-Z0-9]+\.mjs$/,
        },
        loaders: ["./scripts/mermaid-yaml-loader.cjs", "./scripts/mermaid-config-copy-loader.cjs"],
      },
    },
  },
};

export default nextConfig;
