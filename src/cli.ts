// Commander wiring only: options → command functions. Commands are imported when run, so
// `--help` and `--version` stay light.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { INPUT_FORMATS } from './model.js';
import { EXIT } from './errors.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('feedhealth')
    .description("How a brand's customer-care replies on X read to an outsider: resolving, deflecting, blaming — and one balance score.")
    .version(version(), '-V, --version')
    .option('--debug', 'print stack traces and request details on errors (never the token)')
    .option('--no-color', 'plain output without colors (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('audit')
    .description("audit a saved timeline: label mix, balance score, grade, verdict, telling examples")
    .argument('<source>', 'X API v2 JSON/JSONL, an account archive (tweets.js or its folder), or TWCS CSV')
    .option('--json', 'print one JSON document on stdout (same as --format json)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--handle <handle>', 'audit only this account (default: every brand in the source)')
    .addOption(new Option('--input-format <format>', 'skip content detection').choices(INPUT_FORMATS))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ feedhealth audit fixtures/acmecare.jsonl
  $ feedhealth audit fixtures/twcs-sample.csv --handle AppleSupport --json | jq .score`)
    .action(async (source: string, opts, cmd: Command) => {
      const { auditCommand } = await import('./commands/audit.js');
      await auditCommand(source, { ...opts, color: cmd.optsWithGlobals().color });
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its message.
      return err.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    const code = (err as { exitCode?: number }).exitCode;
    const message = err instanceof Error ? err.message : String(err);
    if (code === EXIT.input || code === EXIT.network) {
      process.stderr.write(`feedhealth: ${message}\n`);
      if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      return code;
    }
    process.stderr.write(`feedhealth: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 70;
  }
}
