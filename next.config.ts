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
};

export default nextConfig;
