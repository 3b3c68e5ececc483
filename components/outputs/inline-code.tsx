import type { ReactNode } from "react";

/**
 * Plain text with `backtick` spans shown as <code>. Only splits the string:
 * every piece is a React text node, so nothing in it is ever parsed as HTML.
 */
export function InlineCode({ text }: { text: string }): ReactNode {
  const parts = text.split("`");
  // An unmatched backtick: show the text as it is.
  if (parts.length % 2 === 0) return text;
  return parts.map((part, index) =>
    index % 2 === 1 ? <code key={index}>{part}</code> : part === "" ? null : part,
  );
}
