#!/usr/bin/env node
// The `bufstream-wizard` package binary (`npx bufstream-wizard render …` from a
// checkout). The CLI is TypeScript; tsx compiles it on the fly, with this
// checkout's tsconfig wherever the command is run from.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("./main.ts");
