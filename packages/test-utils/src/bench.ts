import { spawn } from 'node:child_process';
import path from 'node:path';

/** `--name value` pairs of a benchmark's command line, over its defaults. */
export type BenchOptions = Record<string, string>;

export type Benchmark<R extends BenchRow> = {
  /** The benchmark script (`__filename`): each mode runs it again with `--mode`. */
  script: string;
  defaults: BenchOptions;
  /** Flags for the emulator CLI (`packages/emulators/src/cli.ts`). */
  emulatorArgs: (options: BenchOptions) => string[];
  modes: string[];
  /** In the child of one mode: its rows, each printed as one JSON line. */
  runMode: (mode: string, options: BenchOptions) => Promise<R[]>;
  /** In the parent, with every mode's rows in order. */
  report: (rows: R[], options: BenchOptions) => void;
};

// TypeScript sources run through Backstage's transform, in the emulator and in every mode.
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

function readOptions(argv: string[], defaults: BenchOptions): BenchOptions {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    options[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  return options;
}

/** Starts the emulator CLI in its own process; resolves with its `stop` once it listens. */
function startEmulator(script: string, args: string[]) {
  // The emulators are a dependency of the benchmark's package, not of this one.
  const cli = require.resolve('@infra-atlas/emulators/src/cli.ts', {
    paths: [path.dirname(script)],
  });
  const child = spawn(
    process.execPath,
    ['--require', TRANSFORM, cli, ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stopping = false;
  const stop = () => {
    stopping = true;
    child.kill('SIGTERM');
  };
  return new Promise<() => void>((resolve, reject) => {
    child.stdout!.on('data', chunk => {
      process.stderr.write(String(chunk));
      if (String(chunk).includes('listening')) resolve(stop);
    });
    child.on('exit', code => {
      const error = new Error(`emulator exited with ${code}`);
      // Also after it started: a mode that then fails to connect should say why.
      if (!stopping) console.error(error.message);
      reject(error);
    });
  });
}

/**
 * Runs one mode of `script` in a fresh process (`--mode <mode>` and the options as flags), so
 * that its peak memory is its own; resolves with the JSON lines it printed.
 */
export function runChild<R>(
  script: string,
  mode: string,
  options: BenchOptions,
): Promise<R[]> {
  const args = Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]);
  const child = spawn(
    process.execPath,
    ['--require', TRANSFORM, script, '--mode', mode, ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout!.on('data', chunk => (out += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', code =>
      code === 0
        ? resolve(
            out
              .trim()
              .split('\n')
              .map(line => JSON.parse(line)),
          )
        : reject(new Error(`${mode} exited with ${code}`)),
    ),
  );
}

/**
 * Runs a crawl benchmark: as the parent, an emulator in its own process, then each mode in a
 * child of this script, then the report; as a child (`--mode`), one mode.
 */
export function runBenchmark<R extends BenchRow>(
  benchmark: Benchmark<R>,
): void {
  const options = readOptions(process.argv.slice(2), benchmark.defaults);
  const main = async () => {
    if (options.mode) {
      for (const row of await benchmark.runMode(options.mode, options)) {
        process.stdout.write(`${JSON.stringify(row)}\n`);
      }
      return;
    }
    const stopEmulator = await startEmulator(
      benchmark.script,
      benchmark.emulatorArgs(options),
    );
    try {
      const rows: R[] = [];
      for (const mode of benchmark.modes) {
        console.error(`crawling: ${mode}`);
        rows.push(...(await runChild<R>(benchmark.script, mode, options)));
      }
      benchmark.report(rows, options);
    } finally {
      stopEmulator();
    }
  };
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}

/** A logger shape that Backstage's `LoggerService` accepts. */
export type BenchLogger = {
  info(message: string): void;
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  child(): BenchLogger;
};

/** Progress stays quiet; retries and failures go to stderr, where a reader sees them. */
export function benchLogger(): BenchLogger {
  const logger: BenchLogger = {
    info: () => {},
    debug: () => {},
    warn: message => console.error(message),
    error: message => console.error(message),
    child: () => logger,
  };
  return logger;
}

/** What every mode reports, whatever else its benchmark adds. */
export type BenchRow = {
  mode: string;
  /** HTTP or RPC requests by kind (method, route). */
  requests: Record<string, number>;
  wallSeconds: number;
  peakRssMb: number;
};

/** The request columns of a table: the total, then one per kind that any row made. */
export function requestColumns(rows: BenchRow[]) {
  const kinds = [...new Set(rows.flatMap(r => Object.keys(r.requests)))].sort();
  return {
    header: ['requests', ...kinds],
    cells: (row: BenchRow) => [
      String(Object.values(row.requests).reduce((a, b) => a + b, 0)),
      ...kinds.map(k => String(row.requests[k] ?? 0)),
    ],
  };
}

/** This process's peak resident memory so far. */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export function printMarkdownTable(header: string[], rows: string[][]) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
