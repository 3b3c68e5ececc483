// Where the bundle lands on disk when it is not written by the CLI (which takes
// --out): the zip unpacks into this one folder, and the paste-into-shell command
// writes into it, so neither scatters files into the current directory (issue 13).

/** `<release>-bundle`, as the zip is `<release>-bundle.zip`. Release names are DNS labels. */
export function bundleFolderName(releaseName: string): string {
  return `${releaseName}-bundle`;
}
