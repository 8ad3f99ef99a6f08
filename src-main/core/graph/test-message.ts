// Sends the proof-of-life message after a renewal (text, or the hello_world template) and explains a refusal:
// 131030 (recipient not on the test number's list), 131047 (24-hour window), 132001 (template missing), 190…
import type { UserMessage } from '../errors';
import { checkTokenShape } from '../token/shape';
import { classifyGraphError, isDeadTokenVerdict } from './classify';
import { graphCall, openGraphSession, type GraphClientOptions } from './client';
import { toGraphErrorInfo } from './graph-error';
import type { GraphErrorInfo, TokenStatus } from './types';
import * as say from './wording';

export interface TestMessageRequest {
  /** The recipient's number, international digits (a leading + and spaces are tolerated). */
  to: string;
  kind: 'text' | 'template';
  text?: string;
  templateName?: string;
  languageCode?: string;
}

export type TestMessageProblem =
  | 'recipient_not_allowed'
  | 'reengagement_required'
  | 'template_missing'
  | 'not_registered'
  | 'invalid_recipient'
  | 'token_rejected'
  | 'missing_permissions'
  | 'wrong_account'
  | 'rate_limited'
  | 'network_error'
  | 'meta_error';

export type TestMessageResult =
  | { ok: true; messageId: string | null; messageStatus: string | null; summary: UserMessage }
  | {
      ok: false;
      problem: TestMessageProblem;
      /** For token problems, the same status a diagnosis would give. */
      tokenStatus: TokenStatus | null;
      graphError: GraphErrorInfo | null;
      summary: UserMessage;
      fix: UserMessage | null;
    };

function key(name: string, params?: Record<string, string | number>): UserMessage {
  return params ? { key: `diagnosis:test_message.${name}`, params } : { key: `diagnosis:test_message.${name}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function messagePayload(request: TestMessageRequest): Record<string, unknown> {
  const to = request.to.replace(/[^\d]/g, '');
  if (request.kind === 'template') {
    return {
      messaging_product: 'whatsapp',
      to,
      type: 'template',
      template: { name: request.templateName ?? 'hello_world', language: { code: request.languageCode ?? 'en_US' } },
    };
  }
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: request.text ?? 'WA Token Doctor: test message' } };
}

/**
 * Sends one message. It is never retried once it may have reached Meta, so a slow answer cannot turn
 * into two messages on the owner's phone.
 */
export async function sendTestMessage(
  token: string,
  phoneNumberId: string,
  request: TestMessageRequest,
  options: GraphClientOptions = {},
): Promise<TestMessageResult> {
  const to = request.to.replace(/[^\d]/g, '');
  const template = request.templateName ?? 'hello_world';
  const language = request.languageCode ?? 'en_US';
  const shape = checkTokenShape(token);
  if (!shape.ok) {
    return { ok: false, problem: 'token_rejected', tokenStatus: 'malformed', graphError: null, summary: say.shapeSummary(shape.problem), fix: say.shapeFix(shape.problem) };
  }
  const session = openGraphSession(options);
  const { outcome } = await graphCall(session, {
    method: 'POST',
    path: `${encodeURIComponent(phoneNumberId.trim())}/messages`,
    json: messagePayload(request),
    bearer: shape.token,
    retry: 'unsent_only',
  });

  if (outcome.kind === 'ok') {
    const body = isRecord(outcome.body) ? outcome.body : {};
    const first = Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : {};
    const messageId = typeof first.id === 'string' ? first.id : null;
    const messageStatus = typeof first.message_status === 'string' ? first.message_status : null;
    return { ok: true, messageId, messageStatus, summary: key('sent', { to }) };
  }
  if (outcome.kind === 'fault') {
    const network = say.isConnectionFault(outcome.fault);
    return {
      ok: false,
      problem: network ? 'network_error' : 'meta_error',
      tokenStatus: null,
      graphError: null,
      summary: say.faultSummary(outcome.fault, options.timeoutMs ?? 15_000),
      fix: say.faultFix(outcome.fault),
    };
  }

  const error = outcome.error;
  const graphError = toGraphErrorInfo(error);
  const fail = (problem: TestMessageProblem, summary: UserMessage, fix: UserMessage | null, tokenStatus: TokenStatus | null = null): TestMessageResult => ({
    ok: false,
    problem,
    tokenStatus,
    graphError,
    summary,
    fix,
  });
  switch (error.code) {
    case 131030:
      return fail('recipient_not_allowed', key('recipient_not_allowed', { to }), key('fix_recipient_not_allowed', { to }));
    case 131047:
      return fail('reengagement_required', key('reengagement_required', { to }), key('fix_reengagement_required'));
    case 132001:
      return fail('template_missing', key('template_missing', { template, language }), key('fix_template_missing', { template }));
    case 133010:
      return fail('not_registered', key('not_registered'), key('fix_not_registered'));
    case 131026:
    case 131009:
    case 131021:
      return fail('invalid_recipient', key('invalid_recipient', { to }), key('fix_invalid_recipient'));
    default:
      break;
  }
  const verdict = classifyGraphError(error);
  if (isDeadTokenVerdict(verdict)) return fail('token_rejected', say.deadTokenSummary(verdict, null), say.deadTokenFix(verdict), verdict.status);
  if (verdict.status === 'missing_permissions') return fail('missing_permissions', say.PERMISSION_DENIED_SUMMARY, say.PERMISSION_DENIED_FIX, 'missing_permissions');
  if (verdict.status === 'wrong_account') return fail('wrong_account', say.unknownPhoneSummary(phoneNumberId), say.CHECK_PHONE_ID_FIX, 'wrong_account');
  if (verdict.status === 'rate_limited') return fail('rate_limited', say.rateLimitSummary(verdict, error.code), say.waitFix(null), 'rate_limited');
  const meta = verdict.status === 'meta_error' ? verdict : ({ status: 'meta_error', reason: 'other' } as const);
  return fail('meta_error', key('failed', { code: error.code }), say.metaErrorFix(meta));
}
