// A Turbopack loader (next.config.ts) for mermaid's own chunks: a faster, same-
// result `assignWithDepth` (issue 14: edit → diagram).
//
// Why: mermaid's getConfig() returns assignWithDepth({}, currentConfig), a
// fresh copy of its whole configuration (about 900 keys: every diagram type's
// defaults and the theme's variables), and its flowchart code calls getConfig()
// for every node, edge and label, some 90 times per drawing of a topology. A
// profile of 40 edits of the broker count put 28% of all the page's busy time
// in that copy. The copy spends most of its time in Object.defineProperty,
// which mermaid uses for every key the target does not have yet, so that a key
// named `__proto__` becomes an own property instead of setting the prototype.
// The replacement does the same walk, but assigns keys directly and keeps
// defineProperty for `__proto__` alone: on a target whose prototype chain has
// no setters but Object.prototype's `__proto__` (mermaid's targets are its own
// plain objects and arrays), both define the same own, writable, enumerable,
// configurable data property. About twice as fast in Node on mermaid's default
// configuration. scripts/mermaid-config-copy-loader.test.ts runs the original
// and the replacement on the same inputs, generated ones included, and
// compares results.
//
// The original is matched as exact text: if a mermaid upgrade changes it, the
// build fails here rather than replacing code it no longer matches.
"use strict";

const MARKER = "var assignWithDepth = /* @__PURE__ */ __name(";

// mermaid 11.17.2, dist/chunks/mermaid.core (src/assignWithDepth.ts as built).
const ORIGINAL = `var assignWithDepth = /* @__PURE__ */ __name((dst, src, { depth = 2 } = {}) => {
  const config2 = { depth };
  if (Array.isArray(src) && !Array.isArray(dst)) {
    src.forEach((s) => assignWithDepth(dst, s, config2));
    return dst;
  } else if (Array.isArray(src) && Array.isArray(dst)) {
    src.forEach((s) => {
      if (!dst.includes(s)) {
        dst.push(s);
      }
    });
    return dst;
  }
  if (dst === void 0 || dst === null || depth <= 0) {
    if (dst !== void 0 && dst !== null && typeof dst === "object" && typeof src === "object") {
      return Object.assign(dst, src);
    } else {
      return src;
    }
  }
  if (src !== void 0 && src !== null && typeof dst === "object" && typeof src === "object") {
    const dstWithKeys = dst;
    Object.entries(src).forEach(([key, srcValue]) => {
      if (typeof srcValue === "object") {
        if (srcValue === null) {
          return;
        }
        if (!Object.hasOwn(dst, key)) {
          Object.defineProperty(dst, key, {
            value: void 0,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
        if (dstWithKeys[key] === void 0) {
          dstWithKeys[key] = Array.isArray(srcValue) ? [] : {};
        }
        if (typeof dstWithKeys[key] === "object") {
          dstWithKeys[key] = assignWithDepth(dstWithKeys[key], srcValue, { depth: depth - 1 });
        }
      } else if (typeof dstWithKeys[key] !== "object") {
        if (Object.hasOwn(dst, key)) {
          dstWithKeys[key] = srcValue;
        } else {
          Object.defineProperty(dst, key, {
            value: srcValue,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
    });
  }
  return dst;
}, "assignWithDepth");`;

// Step for step the original: the same branches in the same order, over the
// same keys (Object.keys is Object.entries' order), with a plain assignment
// wherever the original's defineProperty would create the same property.
const REPLACEMENT = `var assignWithDepth = /* @__PURE__ */ __name((dst, src, { depth = 2 } = {}) => {
  if (Array.isArray(src)) {
    if (!Array.isArray(dst)) {
      const config2 = { depth };
      for (const s of src) assignWithDepth(dst, s, config2);
      return dst;
    }
    for (const s of src) {
      if (!dst.includes(s)) dst.push(s);
    }
    return dst;
  }
  if (dst === void 0 || dst === null || depth <= 0) {
    if (dst !== void 0 && dst !== null && typeof dst === "object" && typeof src === "object") {
      return Object.assign(dst, src);
    }
    return src;
  }
  if (src !== void 0 && src !== null && typeof dst === "object" && typeof src === "object") {
    for (const key of Object.keys(src)) {
      const srcValue = src[key];
      const own = Object.hasOwn(dst, key);
      if (typeof srcValue === "object") {
        if (srcValue === null) continue;
        if (!own && key === "__proto__") {
          Object.defineProperty(dst, key, { value: void 0, writable: true, enumerable: true, configurable: true });
        }
        // Not own: the original's defineProperty made it undefined, whatever the prototype holds.
        if (!own || dst[key] === void 0) dst[key] = Array.isArray(srcValue) ? [] : {};
        if (typeof dst[key] === "object") dst[key] = assignWithDepth(dst[key], srcValue, { depth: depth - 1 });
      } else if (typeof dst[key] !== "object") {
        if (own || key !== "__proto__") dst[key] = srcValue;
        else Object.defineProperty(dst, key, { value: srcValue, writable: true, enumerable: true, configurable: true });
      }
    }
  }
  return dst;
}, "assignWithDepth");`;

/** @param {string} source */
function mermaidConfigCopyLoader(source) {
  if (!source.includes(MARKER)) return source;
  if (!source.includes(ORIGINAL)) {
    throw new Error(
      "mermaid's assignWithDepth is no longer the code scripts/mermaid-config-copy-loader.cjs replaces: update the loader",
    );
  }
  return source.replace(ORIGINAL, () => REPLACEMENT);
}

module.exports = mermaidConfigCopyLoader;
module.exports.ORIGINAL = ORIGINAL;
module.exports.REPLACEMENT = REPLACEMENT;
