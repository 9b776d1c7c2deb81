// The CLI run from its ES modules (dist/cli.js), not from the bundle and its code cache that
// bin/feedhealth.js loads: the single-handle bench's baseline for what the bundle saves.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
