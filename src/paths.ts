// Where the package's files are, worked out from this module's place: dist/paths.js when run as
// ES modules, or the CLI bundle dist/feedhealth.cjs beside it (see launch.ts), whose modules all
// share the bundle's own URL. Anything found relative to import.meta.url goes through here.

/** The folder of the compiled code (dist/). */
export const DIST_URL = new URL('./', import.meta.url);
/** The package root (package.json, models/). */
export const ROOT_URL = new URL('../', import.meta.url);
