// The whole bundle as one command to paste into a terminal (issue 13, as
// nginxconfig.io's "paste into shell"): it makes the bundle's folder and writes
// every file into it from quoted here-documents, byte for byte, then marks
// install.sh executable. Pure text: the page shows and copies it.
//
// Why it is safe to paste whatever the answers hold:
// - every here-document's delimiter is quoted (<<'EOF'), so the shell expands
//   nothing inside it: no $, no backquote, no backslash is special;
// - the delimiter is chosen so that no line of any file equals it;
// - file and folder names are shell-quoted (they are DNS-label names anyway).
import { shellQuote } from "../commands/shell-quote";
import type { BundleFile } from "./types";

const BASE_DELIMITER = "BUFSTREAM_WIZARD_EOF";

/** A delimiter no file has as a whole line. */
function delimiterFor(files: readonly BundleFile[]): string {
  const lines = new Set(files.flatMap((file) => file.content.split("\n")));
  let delimiter = BASE_DELIMITER;
  for (let n = 1; lines.has(delimiter); n++) delimiter = `${BASE_DELIMITER}_${n}`;
  return delimiter;
}

/**
 * One file. A here-document always ends its text with a newline; a file that
 * does not end with one goes through `$(…)`, which strips the trailing newline,
 * and printf, which adds none.
 */
function writeFile(file: BundleFile, delimiter: string): string[] {
  const name = shellQuote(file.name);
  if (file.content.endsWith("\n")) {
    return [`cat > ${name} <<'${delimiter}'`, `${file.content}${delimiter}`];
  }
  return [`printf '%s' "$(cat <<'${delimiter}'`, file.content, delimiter, `)" > ${name}`];
}

export function renderShellBundle(files: readonly BundleFile[], folder: string): string {
  const delimiter = delimiterFor(files);
  const dir = shellQuote(folder);
  const scripts = files.filter((file) => file.kind === "script").map((file) => file.name);
  const count = `${files.length} ${files.length === 1 ? "file" : "files"}`;
  return [
    `# Writes the ${count} of this Bufstream bundle into ./${folder}/ (made if missing;`,
    "# files of the same names are replaced). Paste it into bash, zsh or sh.",
    `mkdir -p ${dir} && (cd ${dir} && {`,
    ...files.flatMap((file) => writeFile(file, delimiter)),
    ...(scripts.length > 0 ? [`chmod +x ${scripts.map(shellQuote).join(" ")}`] : []),
    `}) && echo ${shellQuote(`Wrote ${count} to ./${folder}/`)}`,
    "",
  ].join("\n");
}
