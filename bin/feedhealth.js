#!/usr/bin/env node
import { cliMain } from '../dist/launch.js';

process.exitCode = await (await cliMain(process.argv))(process.argv);
