// The Graph transport: one request with a per-attempt timeout, a shared deadline, bounded retries with backoff
// for transient faults only, and defensive parsing (HTML, truncated or empty bodies become typed faults).
// Tokens travel in POST bodies or the Authorization header. The one exception, made on purpose: the few GETs Meta
// accepts in no other form (debug_token's inspected token, the token exchange) name their secrets in `urlSecrets`;
// such a URL lives only inside this module — no outcome, error or log line ever carries a URL.
import { appSecretProof, isInvalidProofError } from './appsecret-proof';
import { graphBaseUrl } from './config';
import { graphErrorFromBody, type GraphError } from './graph-error';
import { isRetryableGraphError } from './classify';
import { DEFAULT_API_VERSION } from './versions';

export const DEFAULT_TOTAL_TIMEOUT_MS = 15_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 7_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 300;

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** What went wrong below the level of a Graph error. */
export type GraphFault =
  | 'timeout'
  | 'connection_refused'
  | 'connection_reset'
  | 'dns'
  | 'network'
  | 'server_error'
  | 'html'
  | 'truncated'
  | 'empty'
  | 'invalid_json'
  /** A batch item Meta left unanswered (`null`): that part was not checked. */
  | 'incomplete';

export type GraphOutcome =
  | { kind: 'ok'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'graph_error'; status: number; error: GraphError; headers: Record<string, string> }
  | { kind: 'fault'; fault: GraphFault; status: number | null; transient: boolean };

export interface GraphResult {
  outcome: GraphOutcome;
  /** HTTP requests sent for this call (1 + retries). */
  attempts: number;
}

export interface GraphClientOptions {
  /** Base URL; defaults to WA_TOKEN_DOCTOR_GRAPH_URL, then https://graph.facebook.com. */
  graphUrl?: string;
  version?: string;
  /** Time budget for the whole operation, retries included. */
  timeoutMs?: number;
  /** Time limit of one attempt (never more than what is left of the budget). */
  requestTimeoutMs?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  fetch?: FetchFunction;
  /** With the app secret known, every request carries `appsecret_proof` for its token (FACTS.md §0 #8). */
  appCredentials?: { appId: string; appSecret: string } | null;
}

export interface GraphRequest {
  method: 'GET' | 'POST';
  /** Path after the version, without a leading slash ('' for the batch root). */
  path: string;
  /** Plain parameters only: a token here is refused (it would end up in access logs). */
  query?: Record<string, string>;
  /**
   * Secrets Meta takes only in a GET's query (`URL_SECRET_PARAMETERS`): the deliberate exception to "no secret in a
   * URL". Such a URL never leaves graphCall.
   */
  urlSecrets?: Partial<Record<UrlSecretParameter, string>>;
  form?: Record<string, string>;
  json?: unknown;
  bearer?: string;
  /** The token `appsecret_proof` is made for; default the bearer, else the form's `access_token`. */
  proofFor?: string;
  /** Retry only faults where the request surely never reached Meta (for sends that must not repeat). */
  retry?: 'transient' | 'unsent_only';
}

/** Settings shared by requests sent in parallel: one deadline for all of them. */
export interface GraphSession {
  baseUrl: string;
  version: string;
  deadline: number;
  requestTimeoutMs: number;
  maxRetries: number;
  retryDelayMs: number;
  fetch: FetchFunction;
  appSecret: string | null;
}

export function openGraphSession(options: GraphClientOptions = {}): GraphSession {
  const totalMs = options.timeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  return {
    baseUrl: graphBaseUrl(options.graphUrl),
    version: options.version ?? DEFAULT_API_VERSION,
    deadline: Date.now() + totalMs,
    requestTimeoutMs: Math.min(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, totalMs),
    maxRetries: Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES),
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    appSecret: options.appCredentials?.appSecret || null,
  };
}

const SECRET_IN_URL = /EAA[A-Za-z0-9]{20,}|\d+(?:\||%7C)[A-Za-z0-9_-]{20,}/i;
/** `access_token`, `input_token`, `fb_exchange_token`, `client_secret`… (not `set_token_expires_in_60_days`). */
const SECRET_PARAMETER_NAME = /(?:^|_)token$|secret/i;

/** The only query parameters that may carry a secret, and only in a GET: Meta documents no other way for them. */
export const URL_SECRET_PARAMETERS = ['input_token', 'fb_exchange_token', 'client_secret'] as const;
export type UrlSecretParameter = (typeof URL_SECRET_PARAMETERS)[number];

type UrlParts = Pick<GraphRequest, 'path' | 'query' | 'urlSecrets'> & { method?: GraphRequest['method'] };

/**
 * Builds the URL. Anything token-shaped in `query` is refused (a programming error, caught before it leaks); only
 * `urlSecrets` of a GET may carry one. `proof` is an HMAC, not a secret: it is useless without the token.
 */
export function buildGraphUrl(session: Pick<GraphSession, 'baseUrl' | 'version'>, request: UrlParts, proof: string | null = null): string {
  const path = request.path.replace(/^\/+/, '');
  const url = new URL(`${session.baseUrl}/${session.version}${path ? `/${path}` : ''}`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (SECRET_IN_URL.test(value) || SECRET_PARAMETER_NAME.test(name)) {
      throw new Error(`Refusing to put "${name}" in a URL: secrets go in the body or the Authorization header.`);
    }
    url.searchParams.set(name, value);
  }
  for (const [name, value] of Object.entries(request.urlSecrets ?? {})) {
    if (request.method !== 'GET' || !(URL_SECRET_PARAMETERS as readonly string[]).includes(name)) {
      throw new Error(`Refusing to put "${name}" in a URL: only a GET's ${URL_SECRET_PARAMETERS.join(', ')} may go there.`);
    }
    url.searchParams.set(name, value);
  }
  if (proof) url.searchParams.set('appsecret_proof', proof);
  return url.toString();
}

/** The proof for this request's token, when the app secret is known. */
function proofOf(session: GraphSession, request: GraphRequest): string | null {
  const token = request.proofFor ?? request.bearer ?? request.form?.access_token;
  return session.appSecret && token ? appSecretProof(token, session.appSecret) : null;
}

const INTERESTING_HEADERS = ['x-app-usage', 'x-business-use-case-usage', 'facebook-api-version', 'www-authenticate', 'retry-after'];

function pickHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of INTERESTING_HEADERS) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

/** Reads the body text under the same deadline; a cut connection counts as a truncated body. */
async function readBody(response: Response): Promise<{ text: string } | { fault: GraphFault }> {
  try {
    return { text: await response.text() };
  } catch (error) {
    return { fault: faultOfError(error) === 'timeout' ? 'timeout' : 'truncated' };
  }
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Maps what fetch throws (undici's TypeError with a `cause`, or an abort) onto a fault. */
export function faultOfError(error: unknown): GraphFault {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return 'connection_reset';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return 'dns';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}

/** A failed fetch may pass if tried again, except a missing DNS name: no internet will not come back in a second. */
function isTransientFault(fault: GraphFault, code: string): boolean {
  return fault !== 'dns' || code === 'EAI_AGAIN';
}

/** Turns a body into an outcome: JSON error envelope, JSON success, or a typed fault. */
export function interpretBody(status: number, contentType: string, text: string, headers: Record<string, string> = {}): GraphOutcome {
  const trimmed = text.trim();
  const serverError = status >= 500;
  if (trimmed === '') return { kind: 'fault', fault: serverError ? 'server_error' : 'empty', status, transient: true };
  if (/html/i.test(contentType) || trimmed.startsWith('<')) {
    return { kind: 'fault', fault: serverError ? 'server_error' : 'html', status, transient: serverError };
  }
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    if (serverError) return { kind: 'fault', fault: 'server_error', status, transient: true };
    // A JSON start that does not parse is a body cut short; anything else is not JSON at all.
    const truncated = trimmed.startsWith('{') || trimmed.startsWith('[');
    return { kind: 'fault', fault: truncated ? 'truncated' : 'invalid_json', status, transient: truncated };
  }
  const error = graphErrorFromBody(body);
  if (error) return { kind: 'graph_error', status, error, headers };
  if (serverError) return { kind: 'fault', fault: 'server_error', status, transient: true };
  return { kind: 'ok', status, body, headers };
}

function shouldRetry(outcome: GraphOutcome, policy: GraphRequest['retry']): boolean {
  if (outcome.kind === 'ok') return false;
  if (policy === 'unsent_only') {
    return outcome.kind === 'fault' && (outcome.fault === 'connection_refused' || outcome.fault === 'dns') && outcome.transient;
  }
  if (outcome.kind === 'graph_error') return isRetryableGraphError(outcome.error);
  return outcome.transient;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function encodeBody(request: GraphRequest): { body?: string; contentType?: string } {
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.form) return { body: new URLSearchParams(request.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  return {};
}

async function attempt(session: GraphSession, url: string, request: GraphRequest, timeoutMs: number): Promise<GraphOutcome> {
  // The URL may hold a secret (urlSecrets): it goes to fetch and nowhere else; a failure becomes a fault without it.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const { body, contentType } = encodeBody(request);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (request.bearer) headers.Authorization = `Bearer ${request.bearer}`;
  try {
    const response = await session.fetch(url, { method: request.method, headers, body, signal: controller.signal });
    const read = await readBody(response);
    if ('fault' in read) return { kind: 'fault', fault: read.fault, status: response.status, transient: true };
    return interpretBody(response.status, response.headers.get('content-type') ?? '', read.text, pickHeaders(response.headers));
  } catch (error) {
    const fault = controller.signal.aborted ? 'timeout' : faultOfError(error);
    return { kind: 'fault', fault, status: null, transient: isTransientFault(fault, errorCode(error)) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends one Graph request, retrying transient faults with exponential backoff while the session's deadline
 * allows. Never throws for network or Meta trouble: every failure is an outcome.
 */
export async function graphCall(session: GraphSession, request: GraphRequest): Promise<GraphResult> {
  let proof = proofOf(session, request);
  let url = buildGraphUrl(session, request, proof);
  let attempts = 0;
  for (;;) {
    const remaining = session.deadline - Date.now();
    if (remaining <= 0) return { outcome: { kind: 'fault', fault: 'timeout', status: null, transient: true }, attempts };
    attempts += 1;
    const outcome = await attempt(session, url, request, Math.min(session.requestTimeoutMs, remaining));
    // A proof made with another app's secret (the stored credentials belong to a different app than this token):
    // ask again at once without it, as if the secret were unknown.
    if (proof && outcome.kind === 'graph_error' && isInvalidProofError(outcome.error)) {
      proof = null;
      url = buildGraphUrl(session, request, null);
      continue;
    }
    if (attempts > session.maxRetries || !shouldRetry(outcome, request.retry)) return { outcome, attempts };
    const delay = session.retryDelayMs * 2 ** (attempts - 1) * (1 + Math.random() / 2);
    // A retry that could not finish before the deadline would only turn a clear fault into a timeout.
    if (Date.now() + delay + 50 >= session.deadline) return { outcome, attempts };
    await sleep(delay);
  }
}
