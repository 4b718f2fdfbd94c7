// The bench's simulator: `sim/cli.ts` in a child process (so its work is not counted as the
// client's), with its clock shifted to play an org whose clock is ahead of or behind ours
// (benchServerClock.ts), driven through its control API; and the rate limit's bound a run is
// compared with.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

/** A rate limit: `limit` requests per window of `windowSeconds`. */
export interface RateWindow {
  windowSeconds: number;
  limit: number;
}

export const UNLIMITED = { usersPerMinute: 1_000_000, userByIdPerMinute: 1_000_000, logsPerMinute: 1_000_000, apiPerMinute: 1_000_000 };

export interface Simulator {
  url: string;
  token: string;
  skewMs: number;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts `sim/cli.ts` in a child process whose clock is `skewMs` off ours. */
export async function startSimulator(seed: string, skewMs: number): Promise<Simulator> {
  const root = resolve(__dirname, '..');
  const token = 'bench-api-token';
  const child: ChildProcess = spawn(process.execPath, [
    '--import', 'tsx', '--import', './scripts/benchServerClock.ts', 'sim/cli.ts', '--port', '0', '--seed', seed, '--token', token,
  ], { cwd: root, env: { ...process.env, BENCH_SERVER_CLOCK_SKEW_MS: String(skewMs) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('The simulator did not start within 30 s.')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`The simulator exited (${code}).`)));
  });
  return {
    url, token, skewMs,
    async control(method, path, body) {
      const response = await fetch(`${url}/sim${path}`, {
        method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`sim ${method} ${path}: ${response.status} ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

export async function requestTotal(sim: Simulator): Promise<number> {
  return ((await sim.control('GET', '/requests')) as { total: number }).total;
}

/**
 * The rate limit's bound for `needed` requests from local time `startMs`: the windows open at the
 * whole second of their first request, so an ideal client spends `limit` at once, then waits for
 * each next window to open, and sends the last share as fast as it can (`lastShareMs`).
 */
export function boundMs(startMs: number, skewMs: number, needed: number, window: RateWindow, lastShareMs: number): number {
  const serverStart = startMs + skewMs;
  const waits = Math.ceil(needed / window.limit) - 1;
  const lastOpens = Math.floor(serverStart / 1000) * 1000 + waits * window.windowSeconds * 1000;
  return Math.max(0, lastOpens - serverStart) + lastShareMs;
}

