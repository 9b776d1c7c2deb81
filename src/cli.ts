// Commander wiring only: options → command functions. Commands are imported when run, so
// `--help` and `--version` stay light.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { INPUT_FORMATS } from './model.js';
import { EXIT } from './errors.js';
import { REPORT_FORMATS } from './render/formats.js';
import { ROOT_URL } from './paths.js';
import { MAX_WORKERS } from './commands/options.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT_URL), 'utf8')) as { version: string };
  return pkg.version;
}

const LIVE_HELP = `
Live audits need an app bearer token in X_BEARER_TOKEN (or TWITTER_BEARER_TOKEN), from the X
developer portal (https://developer.x.com/en/portal/dashboard → your app → Keys and tokens).
Fetched pages are kept in $FEEDHEALTH_CACHE_DIR, else $XDG_CACHE_HOME/feedhealth, else
~/.cache/feedhealth; the next run fetches only what is newer (or what a killed run missed).`;

/** Options for fetching from the X API, shared by fetch and live audit. */
function liveOptions(cmd: Command, live = ''): Command {
  return cmd
    .option('--since <date>', `only tweets posted since this date (YYYY-MM-DD or ISO 8601; UTC unless it names an offset)${live ? '; live: fetch no older' : ''}`)
    .option('--limit <n>', `only the newest n tweets${live ? '; live: stop fetching there' : ' (default: all the API allows, ~3,200)'}`)
    .option('--mentions', `${live}also fetch the account's mentions (context for its replies)`)
    .option('--refresh', `${live}ignore the cache and fetch everything again (with --since/--limit: that window again)`)
    .option('--no-wait', `${live}when rate limited, exit 3 with the reset time instead of waiting`)
    .option('--api-base <url>', `${live}X API base URL (default https://api.x.com; or X_API_BASE_URL)`);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('feedhealth')
    .description("How a brand's customer-care replies on X read to an outsider: resolving, deflecting, blaming — and one balance score.")
    .version(version(), '-V, --version')
    .option('--debug', 'print stack traces and request details on errors (never the token)')
    .option('--no-color', 'plain output without colors (NO_COLOR is honoured too)')
    // Commander's own complaints (unknown option, missing value, bad choice) read like ours:
    // one line, "feedhealth: …", with the hint on it.
    .configureOutput({ outputError: (text, write) => write(`feedhealth: ${text.trim().replace(/^error: /, '')} (run with --help for usage)\n`) })
    .exitOverride();

  program
    .command('audit')
    .description("audit a saved timeline or a live @handle: label mix, balance score, grade, verdict, telling examples")
    .argument('<source>', 'X API v2 JSON/JSONL, an account archive (tweets.js or its folder), TWCS CSV, or @handle (live, from the X API)')
    .option('--json', 'print one JSON document on stdout (same as --format json)')
    .addOption(new Option('--format <format>', 'output format (md: Markdown to paste into documents; html: one self-contained page, with -o)').choices(REPORT_FORMATS).default('table'))
    .option('--handle <handle>', 'audit only this account of a file (default: every brand in the source)')
    .addOption(new Option('--input-format <format>', 'skip content detection').choices(INPUT_FORMATS))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--tz <zone>', 'IANA time zone for hours, weekdays and weeks (e.g. Europe/London)', 'UTC')
    .option('--fail-under <score>', 'exit 1 when a brand scores below this (0-100)')
    .option('--top <n>', 'rank the brands in a league table and show the best n (table, md, html; --json gives every brand)')
    .option('--summary-only', 'keep only mergeable summaries, not every reply (files of millions of tweets; with --json, the input of `merge`)')
    .option('--workers <n>', `worker threads for the replies of big files, 0-${MAX_WORKERS} (default: 2 above 8 MB, else 0)`)
    .addHelpText('after', `
Examples:
  $ feedhealth audit fixtures/acmecare.jsonl
  $ X_BEARER_TOKEN=… feedhealth audit @AcmeCare --since 2024-01-01 --json
  $ feedhealth audit fixtures/twcs-sample.csv --handle AcmeTelco --json | jq .score
  $ feedhealth audit fixtures/acmecare.jsonl --tz America/New_York --format md -o report.md
  $ feedhealth audit fixtures/acmecare.jsonl --format html -o report.html
  $ feedhealth audit fixtures/acmecare.jsonl --fail-under 60 || echo "feed health below 60"`)
    .action(async (source: string, opts, cmd: Command) => {
      const { auditCommand } = await import('./commands/audit.js');
      const globals = cmd.optsWithGlobals();
      await auditCommand(source, { ...opts, color: globals.color, debug: globals.debug });
    });
  liveOptions(program.commands.find((c) => c.name() === 'audit')!, 'live: ').addHelpText('after', LIVE_HELP);

  program
    .command('merge')
    .description('combine summaries of shards (audit --summary-only --json) into the summary of the whole, or a league table')
    .argument('<summaries...>', 'files written by `feedhealth audit <shard> --summary-only --json`')
    .option('--json', 'print the merged summary document (same as --format json)')
    .addOption(new Option('--format <format>', 'output format (json: the merged summary; md: Markdown; html: one self-contained page, with -o)').choices(REPORT_FORMATS).default('table'))
    .option('--top <n>', 'show the best n brands (table, md, html; --json gives every brand)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--fail-under <score>', 'exit 1 when a brand scores below this (0-100)')
    .addHelpText('after', `
Examples:
  $ feedhealth audit part-1.csv --summary-only --json > part-1.json
  $ feedhealth audit part-2.csv --summary-only --json > part-2.json
  $ feedhealth merge part-1.json part-2.json --top 10`)
    .action(async (files: string[], opts, cmd: Command) => {
      const { mergeCommand } = await import('./commands/merge.js');
      await mergeCommand(files, { ...opts, color: cmd.optsWithGlobals().color });
    });

  liveOptions(
    program
      .command('fetch')
      .description("fetch a brand's timeline from the X API into the cache and print the raw pages (JSONL, one page a line)")
      .argument('<handle>', '@handle of the account')
      .option('-o, --output <file>', 'write the pages to a file instead of stdout'),
  )
    .addHelpText('after', `
Examples:
  $ feedhealth fetch @AcmeCare -o acmecare.jsonl && feedhealth audit acmecare.jsonl
  $ feedhealth fetch @AcmeCare --since 2024-01-01 --mentions > pages.jsonl
${LIVE_HELP}`)
    .action(async (handle: string, opts, cmd: Command) => {
      const { fetchCommand } = await import('./commands/fetch.js');
      await fetchCommand(handle, { ...opts, debug: cmd.optsWithGlobals().debug });
    });

  program
    .command('classify')
    .description('label replies: JSONL {id, text, inReplyToText?} or plain text lines in, NDJSON {id, label, confidence, evidence} out')
    .argument('[file]', 'input file; - or nothing reads stdin')
    .addHelpText('after', `
Examples:
  $ echo '{"id":"1","text":"Please DM us your order number."}' | feedhealth classify
  $ feedhealth classify replies.txt > labels.ndjson`)
    .action(async (file: string | undefined) => {
      const { classifyCommand } = await import('./commands/classify.js');
      await classifyCommand(file);
    });

  program
    .command('eval')
    .description('score the classifier against labeled replies: precision, recall, F1, accuracy, confusion matrix')
    .argument('<labeled>', 'JSONL lines {text, inReplyToText?, label}')
    .option('--json', 'print the figures as one JSON document')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { evalCommand } = await import('./commands/eval.js');
      await evalCommand(file, opts);
    });

  program
    .command('compare')
    .description('brands side by side, ranked by balance score: shares, response time, canned replies, first screen')
    .argument('<source...>', 'timeline files as for audit, or @handles (live, from the X API); a TWCS file contributes each of its brands')
    .option('--json', 'print one JSON document on stdout (same as --format json)')
    .addOption(new Option('--format <format>', 'output format (md: Markdown to paste into documents; html: one self-contained page, with -o)').choices(REPORT_FORMATS).default('table'))
    .addOption(new Option('--input-format <format>', 'skip content detection').choices(INPUT_FORMATS))
    .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
    .option('--tz <zone>', 'IANA time zone for hours, weekdays and weeks', 'UTC')
    .option('--fail-under <score>', 'exit 1 when any brand scores below this (0-100)')
    .option('--min-replies <n>', 'leave out brands with fewer replies than this (default: 0, keep all)')
    .addHelpText('after', `
Examples:
  $ feedhealth compare fixtures/acmecare.jsonl ../shared/corpus/twcs/head-1000.csv --min-replies 10
  $ feedhealth compare a.jsonl b.jsonl --json | jq '.brands[] | {rank, handle, score}'
  $ feedhealth compare fixtures/acmecare.jsonl fixtures/twcs-sample.csv --format html -o compare.html`)
    .action(async (sources: string[], opts, cmd: Command) => {
      const { compareCommand } = await import('./commands/compare.js');
      await compareCommand(sources, { ...opts, color: cmd.optsWithGlobals().color });
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `feedhealth … | head`: the reader left; stop quietly instead of dying on EPIPE. Any other
  // failure to write the output (a full disk) is one line and exit 2, like a file that cannot be written.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`feedhealth: stdout: cannot write (${err.code ?? err.message})\n`);
    process.exit(EXIT.input);
  });
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
    if (code === EXIT.input || code === EXIT.network || code === EXIT.failUnder || code === EXIT.software) {
      process.stderr.write(`feedhealth: ${message}\n`);
      if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      return code;
    }
    process.stderr.write(`feedhealth: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT.software;
  }
}
