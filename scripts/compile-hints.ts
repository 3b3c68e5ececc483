// Part of postbuild (issue 14): the scripts the wizard runs as it starts are
// marked for eager compilation.
//
// V8 compiles a function lazily, on the main thread, the first time it is
// called. Nearly every function in the framework's scripts and the wizard's
// chunks is called while the wizard starts (at load when the page is opened
// from a share link, at the first sign of use otherwise), so much of the
// start-up's main-thread time went to that compiling: traced on a share link,
// one 111 ms task was 89 ms of it. A file that begins with the magic comment
// `//# allFunctionsCalledOnLoad` has all its functions compiled with the file,
// which Chromium (136 and later) does on the background thread that streams the
// script while it downloads; other browsers ignore the comment. Lighthouse
// mobile, 3 runs of each build alternating: total blocking time on the AWS NLB
// link 56 / 106 / 227 ms without the hint, 0 / 13 / 17 ms with it; on the 3-zone
// link 121 / 162 / 183 ms, 15 / 16 / 17 ms.
//
// Only the start-up's scripts (the lists on the start-up script's tag): the
// chunks loaded later, mermaid's above all, hold much code the wizard never
// runs, and compiling all of it would cost memory and background time: marking
// every chunk measured no better (the same paired runs: 3-19 and 5-16 ms).

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The code with the hint as its first line (once: postbuild may run twice). */
export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code;
}
