// A pure check on short text, answered once per distinct text (issue 14: link
// decoding). Salvaging a damaged share link validates the whole scenario once
// per field it tries to keep, so the same hosts and CIDR blocks are checked
// again and again; these checks were a third of the slowest salvage's time.
// The memory is bounded: text longer than `maxLength` is never kept, and the
// answers are forgotten all at once when `maxEntries` is reached.
export function rememberByText<T>(
  check: (text: string) => T,
  { maxEntries = 1024, maxLength = 256 } = {},
): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return check(text);
    if (answers.has(text)) return answers.get(text) as T;
    const answer = check(text);
    if (answers.size >= maxEntries) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
