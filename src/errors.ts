// Typed errors: commands throw these; only the top level turns them into exit codes.

export const EXIT = { ok: 0, failUnder: 1, input: 2, network: 3, software: 70 } as const;

/** Usage or input problem: bad file, bad flag, missing token. Exit 2. */
export class InputError extends Error {
  readonly exitCode = EXIT.input;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
  }
}

/** API or network failure. Exit 3. */
export class NetworkError extends Error {
  readonly exitCode = EXIT.network;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** A file or folder that cannot be read, in words: missing, not allowed, a folder, a pipe. */
export function fsError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT' ? 'no such file' :
    code === 'EACCES' || code === 'EPERM' ? 'cannot read (permission denied)' :
    code === 'EISDIR' ? 'is a folder' :
    code === 'ENOTDIR' ? 'not a folder' :
    code === 'ESPIPE' ? 'is a pipe, which cannot be read twice: save it to a file first' :
    `cannot read (${code ?? (err as Error)?.message ?? 'unknown error'})`;
  return new InputError(`${file}: ${why}`, { cause: err });
}

/** A loader's complaint about a specific place in a file. */
export function fileError(file: string, what: string, line?: number): InputError {
  return new InputError(`${file}${line !== undefined ? `:${line}` : ''}: ${what}`);
}

/** The run worked but a brand scored under --fail-under. Exit 1, after the report is written. */
export class BelowThresholdError extends Error {
  readonly exitCode = EXIT.failUnder;
  constructor(message: string) {
    super(message);
    this.name = 'BelowThresholdError';
  }
}
