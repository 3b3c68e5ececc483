import { describe, expect, it } from "vitest";
import { PRESETS } from "../scenario/presets";
import { buildBundle } from "./build-bundle";
import { bundleFolderName } from "./folder";
import { unzipBundle, zipBundle } from "./zip";

const FOLDER = bundleFolderName("bufstream");

const files = buildBundle(
  PRESETS.find((p) => p.scenario.zones.enabled)?.scenario ?? PRESETS[0]!.scenario,
  {
    generatorVersion: "0.1.0",
    shareLink: null,
  },
);

describe("zipBundle", () => {
  it("is byte-identical for the same files", () => {
    expect(zipBundle(files, FOLDER)).toEqual(zipBundle(files, FOLDER));
  });

  it("is byte-identical in any time zone (fflate writes local DOS times)", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = zipBundle(files, FOLDER);
      process.env.TZ = "Pacific/Kiritimati";
      const plus14 = zipBundle(files, FOLDER);
      process.env.TZ = "America/Los_Angeles";
      expect(zipBundle(files, FOLDER)).toEqual(utc);
      expect(plus14).toEqual(utc);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("unzips to exactly the bundle files, in order, in one folder", () => {
    expect(unzipBundle(zipBundle(files, FOLDER))).toEqual(
      files.map((f) => ({ name: `bufstream-bundle/${f.name}`, content: f.content })),
    );
  });

  it("changes when a file changes", () => {
    const changed = files.map((f, i) => (i === 0 ? { ...f, content: `${f.content}#\n` } : f));
    expect(zipBundle(changed, FOLDER)).not.toEqual(zipBundle(files, FOLDER));
  });
});
