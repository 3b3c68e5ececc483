// Types for scripts/mermaid-marked-stub.mjs (plain JavaScript: Turbopack aliases mermaid's `marked` to it).
export const marked: { lexer: () => never };
