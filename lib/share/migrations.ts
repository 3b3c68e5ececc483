// Upgrades of older scenario documents, one step per version (STYLE.md habit 4,
// excalidraw's restore). A document of version n passes through MIGRATIONS[n],
// MIGRATIONS[n + 1], ... until it reaches SCENARIO_VERSION. Version 1 is the
// first released shape, so there is nothing to upgrade yet.
//
// Adding version 2: add `1: (doc) => ({ ...doc, renamed: doc.old })`, keyed by
// the version it upgrades FROM, bump SCENARIO_VERSION, and keep every frozen
// link of version 1 in codec-frozen.test.ts passing (rules: codec.ts).
import { SCENARIO_VERSION } from "../scenario/schema";

import type { JsonObject } from "./json";

export type Migration = (doc: JsonObject) => JsonObject;

/** Keyed by the version a step upgrades from. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  { ok: true; doc: JsonObject; notes: string[] } | { ok: false; message: string };

/** Brings `doc` (of version `from`) up to `target`, or says why it cannot. */
export function migrateDocument(
  doc: JsonObject,
  from: number,
  target: number = SCENARIO_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrateResult {
  if (from > target) {
    return {
      ok: false,
      message: `This scenario was made by a newer version of the wizard (scenario version ${from}; this one reads up to ${target}).`,
    };
  }
  const notes: string[] = [];
  let current = doc;
  for (let version = from; version < target; version++) {
    const step = migrations[version];
    if (step === undefined) {
      return {
        ok: false,
        message: `Scenario version ${from} cannot be upgraded (no step from version ${version}).`,
      };
    }
    current = { ...step(current), version: version + 1 };
    notes.push(`Upgraded the scenario from version ${version} to ${version + 1}.`);
  }
  return { ok: true, doc: current, notes };
}
