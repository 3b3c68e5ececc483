import { describe, expect, it } from "vitest";
import { rememberByText } from "./remember";

describe("rememberByText", () => {
  it("checks each distinct short text once and gives the same answer after", () => {
    const seen: string[] = [];
    const longerThanThree = rememberByText((text: string) => {
      seen.push(text);
      return text.length > 3;
    });
    expect([
      longerThanThree("ab"),
      longerThanThree("abcd"),
      longerThanThree("ab"),
      longerThanThree("abcd"),
    ]).toEqual([false, true, false, true]);
    expect(seen).toEqual(["ab", "abcd"]);
  });

  it("remembers undefined answers too", () => {
    let calls = 0;
    const none = rememberByText(() => {
      calls += 1;
      return undefined;
    });
    none("x");
    none("x");
    expect(calls).toBe(1);
  });

  it("never keeps text over maxLength, and forgets everything at maxEntries", () => {
    const seen: string[] = [];
    const check = rememberByText(
      (text: string) => {
        seen.push(text);
        return text;
      },
      { maxEntries: 2, maxLength: 3 },
    );
    check("long");
    check("long");
    expect(seen).toEqual(["long", "long"]);
    seen.length = 0;
    check("a");
    check("b");
    check("c"); // the third distinct text: "a" and "b" are forgotten
    check("c");
    check("a");
    expect(seen).toEqual(["a", "b", "c", "a"]);
  });
});
