// The one place shell words are quoted. Words made only of characters that are
// inert in bash (the names, versions and hosts the schema allows) stay bare so
// commands read like the docs; other words without a single quote are wrapped
// in single quotes (nothing is special inside them); the rest goes through the
// `shell-quote` package, which knows the double-quote escapes.
import { quote } from "shell-quote";

/** Characters with no meaning to bash anywhere in a word (no `~`, glob, `$`, quotes, spaces). */
const INERT_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(arg: string): string {
  if (arg === "") return "''";
  if (INERT_WORD.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  return quote([arg]);
}

/** A command line from words, each quoted as needed. */
export function shellJoin(args: readonly string[]): string {
  return args.map(shellQuote).join(" ");
}
