// Per-step wall, CPU, run-queue wait and read/write I/O of an in-place append, printed to stderr when CABLEGRAPH_APPEND_STEPS is set (issue 22: where the write phase's wall time goes).
import * as fs from 'fs';

/** The environment variable that turns the step report on. */
export const APPEND_STEPS_ENV = 'CABLEGRAPH_APPEND_STEPS';

interface Sample {
  wall: number;
  cpu: number;
  /** Time this thread waited for a CPU (/proc/self/schedstat): wall − CPU − this is time blocked, on I/O mostly. */
  runQueue: number;
  readBytes: number;
  readChars: number;
  writeBytes: number;
}

/** A step's sums over its calls: each field the difference of two samples, added up. */
interface Totals extends Sample {
  calls: number;
}

function procField(text: string, name: string): number {
  const m = new RegExp(`^${name}: (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

function sample(full = true): Sample {
  const cpu = process.cpuUsage();
  let io = '';
  if (!full)
    return {
      wall: Number(process.hrtime.bigint()) / 1e9,
      cpu: (cpu.user + cpu.system) / 1e6,
      runQueue: 0,
      readBytes: 0,
      readChars: 0,
      writeBytes: 0,
    };
  let sched = ['0', '0'];
  try {
    io = fs.readFileSync('/proc/self/io', 'utf8');
    sched = fs.readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/);
  } catch {
    // (not Linux: wall and CPU only)
  }
  return {
    wall: Number(process.hrtime.bigint()) / 1e9,
    cpu: (cpu.user + cpu.system) / 1e6,
    runQueue: Number(sched[1]) / 1e9,
    readBytes: procField(io, 'read_bytes'),
    readChars: procField(io, 'rchar'),
    writeBytes: procField(io, 'write_bytes'),
  };
}

/**
 * Named steps, timed one after the other (`step` ends the last and starts the next) or summed over
 * calls (`time`). A no-op unless enabled: every call costs one boolean test.
 */
export class AppendSteps {
  private readonly totals = new Map<string, Totals>();
  private current: { name: string; at: Sample } | undefined;

  constructor(readonly enabled: boolean = !!process.env[APPEND_STEPS_ENV]) {}

  /** Ends the running step, if any, and starts `name` (undefined: none). */
  step(name: string | undefined): void {
    if (!this.enabled) return;
    const now = sample();
    if (this.current) this.add(this.current.name, this.current.at, now);
    this.current = name === undefined ? undefined : { name, at: now };
  }

  /** Runs `f`, adding its wall and CPU time to `name`'s total (not its I/O: a call is too short to read /proc for). */
  time<T>(name: string, f: () => T): T {
    if (!this.enabled) return f();
    const at = sample(false);
    try {
      return f();
    } finally {
      this.add(name, at, sample(false));
    }
  }

  private add(name: string, from: Sample, to: Sample): void {
    let t = this.totals.get(name);
    if (!t)
      this.totals.set(
        name,
        (t = { calls: 0, wall: 0, cpu: 0, runQueue: 0, readBytes: 0, readChars: 0, writeBytes: 0 }),
      );
    t.calls += 1;
    t.wall += to.wall - from.wall;
    t.cpu += to.cpu - from.cpu;
    t.runQueue += to.runQueue - from.runQueue;
    t.readBytes += to.readBytes - from.readBytes;
    t.readChars += to.readChars - from.readChars;
    t.writeBytes += to.writeBytes - from.writeBytes;
  }

  /** One line per step: wall, CPU, run-queue wait, the rest (blocked), and MB read from disk / through read() / written. */
  report(): string[] {
    const mb = (n: number): string => (n / 1e6).toFixed(1);
    return [...this.totals].map(
      ([name, t]) =>
        `append step ${name}: ${t.calls} call(s), wall ${t.wall.toFixed(2)} s, cpu ${t.cpu.toFixed(2)} s, run-queue ${t.runQueue.toFixed(2)} s, blocked ${Math.max(0, t.wall - t.cpu - t.runQueue).toFixed(2)} s, disk read ${mb(t.readBytes)} MB, read() ${mb(t.readChars)} MB, disk write ${mb(t.writeBytes)} MB`,
    );
  }
}
