import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellJoin, shellQuote } from "./shell-quote";

/** What bash makes of the quoted words: runs one printf over all of them. */
function bashWords(words: string[]): string[] {
  const script = `printf '%s\\0' ${words.map(shellQuote).join(" ")}`;
  const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.split("\0").slice(0, -1);
}

describe("shellQuote", () => {
  it("leaves names, versions, hosts and chart references bare", () => {
    for (const word of [
      "bufstream",
      "0.4.9",
      "oci://us-docker.pkg.dev/buf-images-1/buf/charts/bufstream",
      "my-app,zone=us-east-1a",
      "10.0.0.1",
      "fe80::1",
    ]) {
      expect(shellQuote(word)).toBe(word);
    }
  });

  it("quotes what bash would expand or split", () => {
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("jsonpath={.status[0]}")).toBe("'jsonpath={.status[0]}'");
    expect(shellQuote("~root")).toBe("'~root'");
  });

  it("bash reads back exactly the original word, for any string without NUL (property)", () => {
    // One bash run over many sampled words (spawning bash per case is slow on 2 shared
    // cores); every ASCII character, controls included. Unicode is in the case below.
    const word = fc.string({ unit: "binary-ascii" }).map((w) => w.replace(/\0/g, ""));
    const words = fc.sample(word, 500);
    expect(bashWords(words)).toEqual(words);
  });

  it("handles the nasty cases bash is known for", () => {
    const words = [
      "$(touch /tmp/pwned)",
      "`id`",
      "it's",
      "a'b\"c",
      "!x",
      "*",
      "x\ny",
      "\\",
      "${HOME}",
      "; rm -rf /",
      "-n",
      "é日本\u2028",
    ];
    expect(bashWords(words)).toEqual(words);
  });

  it("shellJoin quotes each word", () => {
    expect(shellJoin(["echo", "a b", "c"])).toBe("echo 'a b' c");
  });
});
