// A step's detail is written as comment lines for install.sh, wrapped where a
// comment line reads well, so a sentence may run over two lines. The page
// shows the detail as paragraphs: a line that does not end a sentence goes on
// in the next one (README.md needs nothing of the kind: Markdown joins lines).

/** A line ends a sentence when its last word ends in . ? or !, before any closing bracket or quote. */
export const SENTENCE_END = /[.?!][)"'’]*$/;

/** The detail lines as paragraphs, each one or more whole sentences. */
export function detailParagraphs(detail: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let open = false;
  for (const line of detail) {
    const text = line.trim();
    if (text === "") continue;
    if (open) paragraphs[paragraphs.length - 1] += ` ${text}`;
    else paragraphs.push(text);
    open = !SENTENCE_END.test(text);
  }
  return paragraphs;
}
