// A small loopback HTTP server for hostile-server tests: answers each request with the next handler
// of a script (or a fallback), and records what arrived.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: SeenRequest, res: ServerResponse) => void;

export interface ScriptedServer {
  origin: string;
  seen: SeenRequest[];
  /** Handlers used in order, one per request; `fallback` answers when the script is empty. */
  script: Handler[];
  fallback: Handler;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startScriptedServer(fallback: Handler = (_r, res) => json(res, 200, {})): Promise<ScriptedServer> {
  const state = { seen: [] as SeenRequest[], script: [] as Handler[], fallback };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      state.seen.push(entry);
      (state.script.shift() ?? state.fallback)(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    get seen() { return state.seen; },
    set seen(value) { state.seen = value; },
    get script() { return state.script; },
    set script(value) { state.script = value; },
    get fallback() { return state.fallback; },
    set fallback(value) { state.fallback = value; },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
