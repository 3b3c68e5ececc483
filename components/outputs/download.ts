// Browser-side downloads: a Blob, an object URL, and a temporary <a download>.
import { bundleFolderName } from "@/lib/bundle/folder";
import type { BundleFile } from "@/lib/bundle/types";

/** Media types by file extension; text is UTF-8. */
export function mediaTypeFor(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  switch (extension) {
    case "yaml":
    case "yml":
      return "application/yaml";
    case "sh":
      return "text/x-shellscript; charset=utf-8";
    case "md":
      return "text/markdown; charset=utf-8";
    case "json":
      return "application/json";
    case "zip":
      return "application/zip";
    default:
      // .mmd (Mermaid) and anything else: plain text opens everywhere.
      return "text/plain; charset=utf-8";
  }
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadText(fileName: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: mediaTypeFor(fileName) }));
}

/** The zip's name: `<release>-bundle.zip`, which unpacks into the folder `<release>-bundle/`. */
export function bundleZipName(releaseName: string): string {
  return `${bundleFolderName(releaseName)}.zip`;
}

/**
 * Zips the bundle and downloads it. The zip code (lib/bundle/zip.ts, fflate) is
 * loaded on first use so it is not part of the page's first load.
 */
export async function downloadBundleZip(releaseName: string, files: BundleFile[]): Promise<void> {
  const { zipBundle } = await import("@/lib/bundle/zip");
  const bytes = zipBundle(files, bundleFolderName(releaseName));
  // Copy into a fresh ArrayBuffer-backed view: Blob wants ArrayBuffer, not SharedArrayBuffer.
  const blob = new Blob([new Uint8Array(bytes)], { type: mediaTypeFor(".zip") });
  downloadBlob(bundleZipName(releaseName), blob);
}
