// Progress bars on stderr, with an estimate of the cables to come.
import * as fs from 'fs';
import { SingleBar } from 'cli-progress';
import { expandInputs } from '../ingest';

/** Average bytes per cable in cables.csv (1.7 GB / 251,287 cables), for the ETA of CSV inputs. */
const CSV_BYTES_PER_CABLE = 6800;

/** A rough count of the cables in the inputs (files, and CSV size / average row), for the ETA only. */
export async function estimateCables(inputs: string[]): Promise<number | undefined> {
  let total = 0;
  for await (const source of expandInputs(inputs)) {
    if (source.kind === 'stdin') return undefined;
    if (source.kind !== 'file') continue;
    total += /\.csv$/i.test(source.path)
      ? Math.max(1, Math.round(fs.statSync(source.path).size / CSV_BYTES_PER_CABLE))
      : 1;
  }
  return total;
}

export interface Progress {
  tick(): void;
  done(): void;
}

/**
 * A progress bar (cables, cables/s, ETA) on a terminal; plain log lines every `every` cables
 * otherwise (CI logs, pipes), so nothing floods a log file.
 */
export function progress(
  label: string,
  total: number | undefined,
  options: { quiet?: boolean; every?: number; unit?: string } = {},
): Progress {
  const unit = options.unit ?? 'cables';
  const started = Date.now();
  let count = 0;
  const rate = (): string => (count / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
  if (options.quiet) return { tick: () => void (count += 1), done: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      stream: process.stderr,
      etaBuffer: 200,
      hideCursor: true,
    });
    bar.start(total ?? 0, 0, { rate: '0' });
    return {
      tick: () => {
        count += 1;
        if (total !== undefined && count > total) bar.setTotal(count);
        if (count % 25 === 0) bar.update(count, { rate: rate() });
      },
      done: () => {
        bar.setTotal(count);
        bar.update(count, { rate: rate() });
        bar.stop();
      },
    };
  }
  const every = options.every ?? 10000;
  return {
    tick: () => {
      count += 1;
      if (count % every === 0) process.stderr.write(`${label}: ${count} ${unit} (${rate()} ${unit}/s)\n`);
    },
    done: () =>
      process.stderr.write(
        `${label}: ${count} ${unit} in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate()} ${unit}/s)\n`,
      ),
  };
}
