// Bring your values (issue 15): one or more values files in, in Helm's
// layering order, and out the scenario they describe, with the keys the wizard
// keeps as they are, findings about the keys themselves, and the questions the
// values leave open. The page, the zip and the CLI all call importValues; what
// follows from the scenario (drawing, check, client kit) is the wizard's usual
// work, and the difference and the corrected files are computed per scenario
// (corrected-values.ts, diff-values.ts), because the form may change it.
//
// Imported values describe an existing release: the scenario's install mode is
// "existing" (read-scenario.ts), so install.sh layers the bundle on the
// release's current values (issue 11).
import { reviewKeys, type KeyReview } from "./key-findings";
import { buildLayout, type ValuesLayout } from "./layout";
import {
  parseValuesSources,
  type ValuesDocument,
  type ValuesInputError,
  type ValuesSource,
} from "./parse-values";
import { readScenario, type Answers, type ReadResult } from "./read-scenario";

export interface ImportedValues {
  documents: readonly ValuesDocument[];
  layout: ValuesLayout;
  keys: KeyReview;
  read: ReadResult;
}

export type ImportResult =
  { ok: true; imported: ImportedValues } | { ok: false; errors: ValuesInputError[] };

export function importValues(
  sources: readonly ValuesSource[],
  answers: Answers = {},
): ImportResult {
  try {
    const parsed = parseValuesSources(sources);
    if (!parsed.ok) return parsed;
    const layout = buildLayout(parsed.documents);
    return {
      ok: true,
      imported: {
        documents: parsed.documents,
        layout,
        keys: reviewKeys(parsed.documents),
        read: readScenario(layout, answers),
      },
    };
  } catch (error) {
    // Nothing above should throw for any text; this keeps the promise to the page and the CLI.
    return {
      ok: false,
      errors: [
        {
          source: sources[0]?.name ?? "",
          line: null,
          message: `These values could not be read (${String(error).slice(0, 200)}).`,
        },
      ],
    };
  }
}

/** The same import with other answers (the documents are read once). */
export function reanswer(imported: ImportedValues, answers: Answers): ImportedValues {
  return { ...imported, read: readScenario(imported.layout, answers) };
}
