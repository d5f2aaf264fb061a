// Flags shared by several commands, checked once: worker counts and per-file read budgets.
import * as os from 'os';
import { MAX_WORKERS } from '../build/options';
import { CablegraphError } from '../common/diagnostics';
import type { Command } from 'commander';
import { DEFAULT_READ_BUDGET, type ReadBudget } from '../ingest/budget';

/** `--workers`: a whole number from 0 to MAX_WORKERS, or a one-line error. */
export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n > MAX_WORKERS) {
    throw new CablegraphError(
      'BAD_OPTION',
      `--workers wants a whole number from 0 to ${MAX_WORKERS} (twice the ${os.availableParallelism()} cores), got "${value}"`,
    );
  }
  return n;
}

/** `--max-evidence <n>`: a whole number from 1 (the statements and co-mention cables an edge lists). */
export function parseMaxEvidence(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new CablegraphError('BAD_OPTION', `--max-evidence wants a whole number from 1, got "${value}"`);
  }
  return n;
}

export interface ReadBudgetFlags {
  maxFileSize?: string;
  maxFileSeconds?: string;
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i;
const UNIT: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** `--max-file-size 16MB` / `--max-file-seconds 10` → a read budget (defaults for what is not given). */
export function readBudgetFrom(flags: ReadBudgetFlags): ReadBudget {
  const budget: ReadBudget = { ...DEFAULT_READ_BUDGET };
  if (flags.maxFileSize !== undefined) {
    const m = SIZE.exec(flags.maxFileSize);
    const bytes = m ? Math.floor(Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()]) : NaN;
    if (!(bytes >= 1))
      throw new CablegraphError(
        'BAD_OPTION',
        `--max-file-size wants a size such as 16MB, 500KB or 20000, got "${flags.maxFileSize}"`,
      );
    budget.maxBytes = bytes;
  }
  if (flags.maxFileSeconds !== undefined) {
    const seconds = Number(flags.maxFileSeconds);
    if (!(seconds > 0) || !Number.isFinite(seconds))
      throw new CablegraphError(
        'BAD_OPTION',
        `--max-file-seconds wants a number of seconds above 0, got "${flags.maxFileSeconds}"`,
      );
    budget.maxMillis = seconds * 1000;
  }
  return budget;
}

/** The per-file budget flags of every command that reads cables. */
export function addReadBudgetOptions(command: Command): Command {
  return command
    .option(
      '--max-file-size <size>',
      `skip a single-cable file larger than this, and a CSV row longer (default ${DEFAULT_READ_BUDGET.maxBytes / 1024 / 1024}MB)`,
    )
    .option(
      '--max-file-seconds <s>',
      `skip a single-cable file that takes longer than this to read (default ${DEFAULT_READ_BUDGET.maxMillis / 1000}; a CSV dump is bounded per row by --max-file-size)`,
    );
}
