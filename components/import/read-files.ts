// Browser files -> values sources. The size is judged before a file is read,
// so a mistaken 5 MB file (or a disk image) costs nothing; the messages are
// lib/import's, the same the CLI prints.
import {
  MAX_VALUES_BYTES,
  tooLargeError,
  type ValuesInputError,
  type ValuesSource,
} from "@/lib/import/parse-values";

export async function readValuesFiles(
  files: readonly File[],
): Promise<{ sources: ValuesSource[]; errors: ValuesInputError[] }> {
  const sources: ValuesSource[] = [];
  const errors: ValuesInputError[] = [];
  for (const file of files) {
    if (file.size > MAX_VALUES_BYTES) {
      errors.push(tooLargeError(file.name, file.size));
      continue;
    }
    try {
      sources.push({ name: file.name, text: await file.text() });
    } catch {
      errors.push({ source: file.name, line: null, message: "This file could not be read." });
    }
  }
  return { sources, errors };
}
