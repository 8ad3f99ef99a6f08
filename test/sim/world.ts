// The simulator's Meta: one app, two WhatsApp Business Accounts with their numbers and templates, the registered
// tokens, and the answers Graph gives for each endpoint. No HTTP here (graph-simulator.ts serves it).
import { randomBytes } from 'node:crypto';
import type { Fixtures, Json } from './fixtures';
import type { RequestKind } from './faults';
import { PROOF_MESSAGES, proofProblem, rulesFor, type SimRules } from './rules';
import { appAnswer, debugTokenAnswer, exchangeAnswer } from './token-endpoints';
import {
  SIM_APP_ID,
  SIM_OTHER_APP,
  SIM_OTHER_WABA_ID,
  SIM_WABA_ID,
  debugData,
  deadTokenError,
  expiryOf,
  isDeadScenario,
  type ScenarioName,
  type TokenScenario,
} from './scenarios';

export interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface SimWaba {
  id: string;
  name: string;
  /** Entries as `GET /{waba}/phone_numbers` lists them. */
  phones: Json[];
  /** Entries as `GET /{waba}/message_templates` lists them. */
  templates: Json[];
}

export interface TokenRecord {
  token: string;
  scenario: TokenScenario;
  registeredAt: number;
  expiresAt: number;
}

export interface SentMessage {
  phoneNumberId: string;
  to: string;
  type: string;
  payload: Json;
}

export interface SimRecipients {
  /** Numbers the test phone number may message (131030 otherwise). */
  allowed: string[];
  /** Numbers that wrote to the bot in the last 24 hours (131047 for free-form text otherwise). */
  openWindow: string[];
}

/** An `EAA…` token of a realistic length (200) made of letters and digits only. */
export function makeFakeToken(label = 'SIM'): string {
  const clean = label.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 40);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let tail = '';
  for (const byte of randomBytes(200)) tail += alphabet[byte % alphabet.length];
  return `EAAFAKE${clean}${tail}`.slice(0, 200);
}

export function graphError(status: number, error: Json): Answer {
  return { status, body: { error: { type: 'OAuthException', fbtrace_id: 'AFakeTraceIdSim00000000', ...error } } };
}

function pickFields(entry: Json, fields: string | undefined, defaults: readonly string[] | null): Json {
  const wanted = fields ? fields.split(',').map((field) => field.trim()).filter(Boolean) : defaults;
  if (!wanted) return entry;
  const picked: Json = {};
  for (const field of [...wanted, 'id']) if (entry[field] !== undefined) picked[field] = entry[field];
  return picked;
}

const PHONE_DEFAULT_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating'];

export class SimWorld {
  readonly app: { id: string; secret: string };
  readonly wabas = new Map<string, SimWaba>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly recipients: SimRecipients = { allowed: ['15550100009'], openWindow: ['15550100009'] };
  readonly sentMessages: SentMessage[] = [];
  /** Full details answered by `GET /{phone-number-id}`, by id. */
  readonly phoneDetails = new Map<string, Json>();
  /** Which of Meta's 2026 rules apply (rules.ts); a test may change them at any time. */
  rules: SimRules;

  constructor(
    readonly fixtures: Fixtures,
    readonly nowSeconds: () => number,
    app?: { id: string; secret: string },
    rules: SimRules = rulesFor(),
  ) {
    this.rules = rules;
    this.app = app ?? { id: SIM_APP_ID, secret: 'f0a1b2c3d4e5f60718293a4b5c6d7e8f' };
    const phones = fixtures.get('waba_phone_numbers').data as Json[];
    const templates = fixtures.get('message_templates_hello_world').data as Json[];
    this.wabas.set(SIM_WABA_ID, { id: SIM_WABA_ID, name: fixtures.get('waba_info').name, phones, templates });
    const other = { ...phones[0], id: '300000000000023', display_phone_number: '+1 555-010-0023', verified_name: 'Other Shop' };
    this.wabas.set(SIM_OTHER_WABA_ID, { id: SIM_OTHER_WABA_ID, name: 'Another WhatsApp Business Account', phones: [other], templates: [] });
    const info = fixtures.get('phone_number_info_success');
    this.phoneDetails.set(info.id, info);
  }

  addToken(token: string, scenario: ScenarioName | TokenScenario): string {
    const spec = typeof scenario === 'string' ? { scenario } : scenario;
    const now = this.nowSeconds();
    this.tokens.set(token, { token, scenario: spec, registeredAt: now, expiresAt: expiryOf(spec, now) });
    return token;
  }

  /** The token's scenario as of now: a valid token whose expiry passed behaves as expired. */
  effectiveScenario(record: TokenRecord): TokenScenario {
    const expiredByTime = record.expiresAt > 0 && record.expiresAt <= this.nowSeconds();
    if (expiredByTime && !isDeadScenario(record.scenario)) return { ...record.scenario, scenario: 'expired' };
    return record.scenario;
  }

  debugDataOf(record: TokenRecord): Json {
    return debugData(this.fixtures, this.effectiveScenario(record), this.nowSeconds(), record.expiresAt);
  }

  deadAnswer(record: TokenRecord | null): Answer | null {
    if (!record) {
      return graphError(401, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    }
    const scenario = this.effectiveScenario(record);
    if (!isDeadScenario(scenario)) return null;
    const { status, body } = deadTokenError(this.fixtures, scenario, this.nowSeconds(), record.expiresAt);
    return { status, body };
  }

  /** Meta's answer to a call whose `appsecret_proof` for `token` is missing (when required) or wrong; null when fine. */
  proofAnswer(token: string, proof: string | undefined): Answer | null {
    const problem = proofProblem(this.rules, token, this.app.secret, proof);
    if (!problem) return null;
    return graphError(400, { message: PROOF_MESSAGES[problem], type: 'GraphMethodException', code: 100 });
  }

  /** The record for a valid token, or the answer Meta gives for a missing or dead one, or for a missing proof. */
  authorize(token: string | undefined, params: Record<string, string> = {}): { record: TokenRecord } | { answer: Answer } {
    if (!token) return { answer: graphError(400, { message: 'An access token is required to request this resource.', code: 104 }) };
    const record = this.tokens.get(token) ?? null;
    const dead = this.deadAnswer(record);
    if (dead || !record) return { answer: dead ?? graphError(401, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }) };
    const proof = this.proofAnswer(token, params.appsecret_proof);
    return proof ? { answer: proof } : { record };
  }

  private scopesOf(record: TokenRecord): string[] {
    return (this.debugDataOf(record).scopes as string[] | undefined) ?? [];
  }

  /** WABAs the token may see: its WhatsApp scopes' targets, or every account when they list none. */
  private wabasOf(record: TokenRecord): Set<string> {
    const granular = (this.debugDataOf(record).granular_scopes as Json[] | undefined) ?? [];
    const listed = granular.filter((entry) => String(entry.scope).startsWith('whatsapp_business_') && Array.isArray(entry.target_ids));
    if (listed.length === 0) return new Set(this.wabas.keys());
    return new Set(listed.flatMap((entry) => entry.target_ids as string[]));
  }

  private wabaOfPhone(phoneId: string): SimWaba | null {
    for (const waba of this.wabas.values()) if (waba.phones.some((phone) => phone.id === phoneId)) return waba;
    return null;
  }

  unknownObject(id: string, method: string): Answer {
    return graphError(400, {
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  }

  private permissionError(): Answer {
    const body = this.fixtures.get('error_200_permission_missing');
    return { status: 403, body };
  }

  /** `GET /{id}`: a phone number or a WABA. */
  getObject(id: string, token: string | undefined, params: Record<string, string>): Answer {
    const authorized = this.authorize(token, params);
    if ('answer' in authorized) return authorized.answer;
    const { record } = authorized;
    const waba = this.wabas.get(id);
    if (waba) {
      if (!this.wabasOf(record).has(id)) return this.unknownObject(id, 'GET');
      if (!this.scopesOf(record).some((scope) => scope.startsWith('whatsapp_business_'))) return this.permissionError();
      return { status: 200, body: { ...this.fixtures.get('waba_info'), id, name: waba.name } };
    }
    const owner = this.wabaOfPhone(id);
    if (!owner || !this.wabasOf(record).has(owner.id)) return this.unknownObject(id, 'GET');
    if (!this.scopesOf(record).some((scope) => scope.startsWith('whatsapp_business_'))) return this.permissionError();
    const listed = owner.phones.find((phone) => phone.id === id);
    const details = this.phoneDetails.get(id) ?? listed;
    return { status: 200, body: pickFields(details, params.fields, PHONE_DEFAULT_FIELDS) };
  }

  /** `GET /{waba}/phone_numbers` and `GET /{waba}/message_templates`. */
  getWabaEdge(wabaId: string, edge: 'phone_numbers' | 'message_templates', token: string | undefined, params: Record<string, string>): Answer {
    const authorized = this.authorize(token, params);
    if ('answer' in authorized) return authorized.answer;
    const { record } = authorized;
    const waba = this.wabas.get(wabaId);
    if (!waba || !this.wabasOf(record).has(wabaId)) return this.unknownObject(wabaId, 'GET');
    const scopes = this.scopesOf(record);
    const needed = edge === 'phone_numbers' ? ['whatsapp_business_management', 'whatsapp_business_messaging'] : ['whatsapp_business_management'];
    if (!needed.some((scope) => scopes.includes(scope))) return this.permissionError();
    const paging = { cursors: { before: 'QVFIUmFakeBefore', after: 'QVFIUmFakeAfter' } };
    if (edge === 'phone_numbers') return { status: 200, body: { data: waba.phones.map((phone) => pickFields(phone, params.fields, null)), paging } };
    const templates = waba.templates.filter((template) => !params.name || template.name === params.name);
    return { status: 200, body: { data: templates.map((template) => pickFields(template, params.fields, null)), paging } };
  }

  /** `POST /{phone-number-id}/messages`. */
  sendMessage(phoneId: string, token: string | undefined, payload: Json, params: Record<string, string> = {}): Answer {
    const authorized = this.authorize(token, params);
    if ('answer' in authorized) return authorized.answer;
    const { record } = authorized;
    const owner = this.wabaOfPhone(phoneId);
    if (!owner || !this.wabasOf(record).has(owner.id)) return this.unknownObject(phoneId, 'POST');
    if (!this.scopesOf(record).includes('whatsapp_business_messaging')) return this.permissionError();
    const to = String(payload?.to ?? '').replace(/\D/g, '');
    if (!to || payload?.messaging_product !== 'whatsapp') {
      return graphError(400, { message: '(#100) The parameter messaging_product is required.', code: 100 });
    }
    if (!this.recipients.allowed.includes(to)) return { status: 400, body: this.fixtures.get('error_131030_recipient_not_allowed') };
    if (payload.type === 'template') {
      const name = payload.template?.name;
      const language = payload.template?.language?.code ?? 'en_US';
      const template = owner.templates.find((entry) => entry.name === name && entry.language === language && entry.status === 'APPROVED');
      if (!template) {
        const body = this.fixtures.get('error_132001_template_missing');
        body.error.error_data.details = `template name (${String(name)}) does not exist in ${String(language)}`;
        return { status: 400, body };
      }
      this.sentMessages.push({ phoneNumberId: phoneId, to, type: 'template', payload });
      const body = this.fixtures.get('message_send_template_success');
      body.contacts[0] = { input: String(payload.to), wa_id: to };
      return { status: 200, body };
    }
    if (!this.recipients.openWindow.includes(to)) return { status: 400, body: this.fixtures.get('error_131047_reengagement') };
    this.sentMessages.push({ phoneNumberId: phoneId, to, type: String(payload.type), payload });
    const body = this.fixtures.get('message_send_success');
    body.contacts[0] = { input: String(payload.to), wa_id: to };
    return { status: 200, body };
  }

  /** Which endpoint a path is, for request records and fault matching. */
  static kindOf(path: string, params: Record<string, string>): RequestKind {
    if (path === '' && params.batch !== undefined) return 'batch';
    if (path === 'debug_token') return 'debug_token';
    if (/^1\d+$/.test(path)) return 'app';
    if (path === 'oauth/access_token') return 'oauth';
    if (/^\d+\/messages$/.test(path)) return 'messages';
    if (/^\d+\/phone_numbers$/.test(path)) return 'waba_phone_numbers';
    if (/^\d+\/message_templates$/.test(path)) return 'message_templates';
    if (/^\d+$/.test(path)) return path.startsWith('2') ? 'waba' : 'phone';
    return 'other';
  }

  /** Routes one (unbatched or batched) Graph call. `path` has no version and no leading slash. */
  route(method: string, path: string, params: Record<string, string>, token: string | undefined, jsonBody: Json): Answer {
    // An older app may still ask `method=GET` in a POST; a new one may not (the POST then stays a POST).
    const override = method === 'POST' && params.method?.toUpperCase() === 'GET' && !this.rules.refuseMethodOverride;
    const effective = override ? 'GET' : method;
    if (path === 'debug_token') return debugTokenAnswer(this, effective, params.input_token, token, params);
    if (path === 'oauth/access_token') return exchangeAnswer(this, params);
    if ((path === this.app.id || path === SIM_OTHER_APP.id) && effective === 'GET') return appAnswer(this, path, token);
    const messages = /^(\d+)\/messages$/.exec(path);
    if (messages?.[1] && effective === 'POST') return this.sendMessage(messages[1], token, jsonBody ?? params, params);
    const edge = /^(\d+)\/(phone_numbers|message_templates)$/.exec(path);
    if (edge?.[1] && effective === 'GET') return this.getWabaEdge(edge[1], edge[2] as 'phone_numbers' | 'message_templates', token, params);
    const object = /^(\d+)$/.exec(path);
    if (object?.[1]) return effective === 'GET' ? this.getObject(object[1], token, params) : this.unknownObject(object[1], effective);
    return graphError(400, { message: `Unknown path components: /${path}`, code: 2500 });
  }
}
