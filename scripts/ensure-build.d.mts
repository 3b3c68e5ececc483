// Types for scripts/ensure-build.mjs.
export function normaliseBasePath(value: string | undefined): string;
export function buildReason(): string | undefined;
export function ensureBuilt(): boolean;
