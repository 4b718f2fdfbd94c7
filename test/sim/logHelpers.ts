// Reading the simulator's System Log in tests: a tail (a polling cursor: what was logged since it was
// opened, each event once), and plain queries.
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../../sim';
import { call, links, type Reply } from './simHelpers';

export const LOGS = '/api/v1/logs';

export interface LogEventView {
  eventType: string;
  published: string;
  displayMessage: string;
  legacyEventType?: string;
  outcome: { result: string; reason?: string };
  actor: { id: string; type: string; alternateId: string; displayName: string };
  target: { id: string; type: string; alternateId: string; displayName: string }[];
  transaction: { type: string; id: string; detail: { requestApiTokenId?: string } };
  client?: { userAgent: { rawUserAgent: string; os: string; browser: string }; ipAddress: string; id?: string };
  debugContext: { debugData: Record<string, string> };
  [field: string]: unknown;
}

/** GET /api/v1/logs with a query string (without the `?`); asserts 200. */
export async function queryLog(sim: RunningSimulator, query = '', headers: Record<string, string> = {}): Promise<{ events: LogEventView[]; reply: Reply; next?: string; self?: string }> {
  const reply = await call(sim, 'GET', `${LOGS}${query ? `?${query}` : ''}`, undefined, headers);
  assert.equal(reply.status, 200, reply.text);
  const { next, self } = links(reply.headers.get('link'));
  return { events: reply.body, reply, next, self };
}

/** Follows a `next` link (absolute) with the API token. */
export async function follow(sim: RunningSimulator, next: string): Promise<{ events: LogEventView[]; next?: string; reply: Reply }> {
  const url = new URL(next);
  assert.equal(url.origin, sim.url);
  const reply = await call(sim, 'GET', url.pathname + url.search);
  assert.equal(reply.status, 200, reply.text);
  return { events: reply.body, next: links(reply.headers.get('link')).next, reply };
}

export class LogTail {
  private constructor(private readonly sim: RunningSimulator, private next: string) {}

  /** A polling cursor at the log's present (everything logged before is behind it). */
  static async open(sim: RunningSimulator, filter?: string): Promise<LogTail> {
    let page = await queryLog(sim, `limit=1000${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`);
    for (let pages = 0; page.events.length === 1000 && pages < 50; pages++) page = await follow(sim, page.next!);
    assert.ok(page.next, 'a polling answer always has a next link');
    return new LogTail(sim, page.next);
  }

  /** The events logged since the last take (or the opening), in persistence order. */
  async take(): Promise<LogEventView[]> {
    const events: LogEventView[] = [];
    for (let pages = 0; pages < 50; pages++) {
      const page = await follow(this.sim, this.next);
      assert.ok(page.next, 'a polling answer always has a next link');
      this.next = page.next;
      events.push(...page.events);
      if (page.events.length < 100) return events;
    }
    assert.fail('the log did not reach its present within 50 pages');
  }

  /** The event types of `take()`. */
  async types(): Promise<string[]> {
    return (await this.take()).map((e) => e.eventType);
  }
}
