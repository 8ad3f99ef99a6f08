// Faults the simulator can inject, for the next N matching requests or for all of them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fixtures, Json } from './fixtures';

/** Which request a fault applies to. */
export type RequestKind = 'debug_token' | 'app' | 'batch' | 'phone' | 'waba_phone_numbers' | 'message_templates' | 'waba' | 'oauth' | 'messages' | 'other';

export type FaultSpec =
  /** Extra delay before answering (on top of the global latency). */
  | { kind: 'latency'; ms: number }
  /** Never answer: the client must give up by itself. */
  | { kind: 'timeout' }
  /** Close the connection without an answer. */
  | { kind: 'reset' }
  /** HTTP 5xx; body 'html' (a proxy's page, default), 'json' (Meta's code 1, is_transient) or 'empty'. */
  | { kind: 'server_error'; status?: number; body?: 'html' | 'json' | 'empty' }
  /** HTTP 200 with an HTML page (a captive portal, a login wall). */
  | { kind: 'html'; status?: number }
  /** The connection is cut halfway through the body. */
  | { kind: 'truncated' }
  /** A complete HTTP answer whose JSON is cut short. */
  | { kind: 'partial_json' }
  /** HTTP 200 with an empty body. */
  | { kind: 'empty' }
  /** Meta's rate limit: code 4 (app, default), 80007 (WABA), or any other code, with usage headers. */
  | { kind: 'rate_limit'; code?: number; status?: number; minutes?: number }
  /** Any Graph error envelope. */
  | { kind: 'graph_error'; status?: number; error: Json }
  /** Batch answers with `null` for these item indexes (default: all), as Meta does when it runs out of time. */
  | { kind: 'batch_null'; items?: number[] };

export interface FaultRule {
  fault: FaultSpec;
  /** Requests left to affect; Infinity for all. */
  remaining: number;
  match?: RequestKind | RegExp | ((request: { method: string; path: string; kind: RequestKind }) => boolean);
}

export function ruleMatches(rule: FaultRule, request: { method: string; path: string; kind: RequestKind }): boolean {
  if (!rule.match) return true;
  if (typeof rule.match === 'string') return rule.match === request.kind;
  if (rule.match instanceof RegExp) return rule.match.test(request.path);
  return rule.match(request);
}

const HTML_PAGE = '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Sorry, something went wrong.</h1></body></html>';

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/**
 * Answers `res` according to a fault that replaces the normal answer. Returns false for faults that only
 * change a normal answer (latency, batch_null), which the caller handles.
 */
export function answerWithFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse, fixtures: Fixtures): boolean {
  switch (fault.kind) {
    case 'timeout':
      return true; // the socket stays open until the client gives up or the simulator closes
    case 'reset':
      req.socket.destroy();
      return true;
    case 'server_error': {
      const status = fault.status ?? 503;
      if (fault.body === 'json') {
        const body = { error: { message: 'An unknown error has occurred.', type: 'OAuthException', is_transient: true, code: 1, fbtrace_id: 'AFakeTraceIdSim5xx000001' } };
        send(res, status, 'application/json; charset=UTF-8', JSON.stringify(body));
      } else if (fault.body === 'empty') send(res, status, 'text/plain', '');
      else send(res, status, 'text/html; charset=utf-8', HTML_PAGE);
      return true;
    }
    case 'html':
      send(res, fault.status ?? 200, 'text/html; charset=utf-8', HTML_PAGE);
      return true;
    case 'truncated': {
      const body = JSON.stringify(fixtures.get('phone_number_info_success'));
      res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => req.socket.destroy(), 5);
      return true;
    }
    case 'partial_json': {
      const body = JSON.stringify(fixtures.get('phone_number_info_success'));
      send(res, 200, 'application/json; charset=UTF-8', body.slice(0, Math.floor(body.length / 2)));
      return true;
    }
    case 'empty':
      send(res, 200, 'application/json; charset=UTF-8', '');
      return true;
    case 'rate_limit': {
      const code = fault.code ?? 4;
      const headers: Record<string, string> = {};
      let body: Json;
      if (code === 4) {
        body = fixtures.get('error_4_app_rate_limit');
        headers['x-app-usage'] = JSON.stringify({ call_count: 100, total_time: 40, total_cputime: 35 });
      } else {
        body = code === 80007 ? fixtures.get('error_80007_waba_rate_limit') : { error: { message: `(#${code}) Rate limit hit`, type: 'OAuthException', code, fbtrace_id: 'AFakeTraceIdSimRate00001' } };
        const usage = JSON.parse(fixtures.get('rate_limit_headers_example')['x-business-use-case-usage']);
        for (const entries of Object.values(usage) as Json[][]) {
          for (const entry of entries) {
            entry.call_count = 100;
            entry.estimated_time_to_regain_access = fault.minutes ?? 5;
          }
        }
        headers['x-business-use-case-usage'] = JSON.stringify(usage);
      }
      send(res, fault.status ?? 400, 'application/json; charset=UTF-8', JSON.stringify(body), headers);
      return true;
    }
    case 'graph_error':
      send(res, fault.status ?? 400, 'application/json; charset=UTF-8', JSON.stringify(fault.error.error ? fault.error : { error: fault.error }));
      return true;
    default:
      return false;
  }
}
