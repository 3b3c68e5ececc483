/** The generator version written into every provenance comment (kept equal to package.json by a test). */
export const GENERATOR_VERSION = "0.1.0";
