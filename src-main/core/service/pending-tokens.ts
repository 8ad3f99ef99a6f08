// Tokens the owner pasted and Meta checked, waiting for "apply": held in main's memory only, for a few
// minutes, so the renderer never needs the token again (it only ever gets back an id and a masked form).
import { randomBytes } from 'node:crypto';
import type { Diagnosis } from '../graph/types';

export interface PendingToken {
  botId: string;
  token: string;
  diagnosis: Diagnosis;
  expiresAt: number;
}

export const PENDING_TOKEN_TTL_MS = 15 * 60 * 1000;

export class PendingTokens {
  private readonly entries = new Map<string, PendingToken>();

  constructor(private readonly now: () => number = Date.now) {}

  add(botId: string, token: string, diagnosis: Diagnosis): string {
    this.dropExpired();
    const id = randomBytes(9).toString('hex');
    this.entries.set(id, { botId, token, diagnosis, expiresAt: this.now() + PENDING_TOKEN_TTL_MS });
    return id;
  }

  /**
   * The pending token for `botId`, or null when unknown, expired or submitted for another bot. It stays until
   * `forget` (after a successful apply), so "try again" after a failed restart needs no second paste.
   */
  get(id: string, botId: string): PendingToken | null {
    this.dropExpired();
    const entry = this.entries.get(id);
    return entry && entry.botId === botId ? entry : null;
  }

  /** Meta's newer verdict on a pending token (asked again, e.g. by the app once its credentials were given). */
  update(id: string, diagnosis: Diagnosis): void {
    const entry = this.entries.get(id);
    if (entry) entry.diagnosis = diagnosis;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
