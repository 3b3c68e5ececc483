// Types for scripts/serve.mjs (plain Node so that `npm start` needs no TypeScript loader).
import type { Server } from "node:http";

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
  regex: RegExp;
}
export function normaliseBasePath(value: string | undefined): string;
export function parseHeadersFile(text: string): HeaderRule[];
export function createStaticServer(options?: { dir?: string; basePath?: string }): Server;
