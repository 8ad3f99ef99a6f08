// Reads Meta's error envelope defensively: `error_subcode` (Graph) or `subcode` (inside debug_token),
// numbers that arrive as strings, fields that are missing. Never throws.
import type { GraphErrorInfo } from './types';

/** Everything in a Graph error worth keeping. `message` is Meta's text, kept for classification and support. */
export interface GraphError {
  code: number;
  subcode: number | null;
  message: string;
  type: string | null;
  fbtraceId: string | null;
  isTransient: boolean;
  /** WhatsApp's `error_data.details`. */
  details: string | null;
}

function toInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number.parseInt(value, 10);
  return null;
}

function toText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the inner error object (`{code, message, error_subcode | subcode, …}`); null when it is not one. */
export function parseErrorObject(raw: unknown): GraphError | null {
  if (!isRecord(raw)) return null;
  const code = toInt(raw.code);
  const message = toText(raw.message) ?? '';
  if (code === null && !message) return null;
  const errorData = isRecord(raw.error_data) ? raw.error_data : null;
  return {
    code: code ?? -1,
    subcode: toInt(raw.error_subcode) ?? toInt(raw.subcode),
    message,
    type: toText(raw.type),
    fbtraceId: toText(raw.fbtrace_id),
    isTransient: raw.is_transient === true,
    details: errorData ? toText(errorData.details) : null,
  };
}

/** The error inside a response body `{ "error": { … } }`, or null when the body is not an error. */
export function graphErrorFromBody(body: unknown): GraphError | null {
  if (!isRecord(body) || !('error' in body)) return null;
  return parseErrorObject(body.error);
}

/** The shape the diagnosis reports (`Diagnosis.graphError`). */
export function toGraphErrorInfo(error: GraphError): GraphErrorInfo {
  return { code: error.code, subcode: error.subcode, message: error.message, fbtraceId: error.fbtraceId };
}
