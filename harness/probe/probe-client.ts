/**
 * A small client of the sale-shop API (docs/SHOP-API.md) for probes: every call is bounded by
 * the probe's deadline, sessions and tokens go in headers (`X-Session`,
 * `X-Admission-Token`, never cookies, so each call says exactly what it carries), and every
 * answer keeps what is needed as evidence. Requests are labelled `X-Actor: probe`.
 */
import { ProbeSetupError } from './probe-error.ts';
import type { ProbeEvidence } from './probe-types.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ShopAnswer {
  method: string;
  path: string;
  status: number;
  /** The parsed JSON body, when it was a JSON object. */
  body: Record<string, unknown> | undefined;
  text: string;
  sent: string;
}

export interface ShopCallOptions {
  session?: string;
  token?: string;
  body?: unknown;
  /** What is sent, in words, for the evidence; a default is built from the options. */
  sent?: string;
}

const maxRequestMs = 5_000;
const excerptLength = 300;

export function toEvidence(answer: ShopAnswer): ProbeEvidence {
  return {
    method: answer.method,
    path: answer.path,
    status: answer.status,
    bodyExcerpt: answer.text.length > excerptLength ? `${answer.text.slice(0, excerptLength - 1)}…` : answer.text,
    sent: answer.sent,
  };
}

export function isSuccess(answer: ShopAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

export function errorCodeOf(answer: ShopAnswer): string | undefined {
  const code = answer.body?.error;
  return typeof code === 'string' ? code : undefined;
}

function describeSent(options: ShopCallOptions): string {
  const parts = [
    options.session ? 'a valid session' : 'no session',
    options.token ? 'an admission token' : 'no admission token',
  ];
  if (options.body !== undefined) parts.push(`body ${JSON.stringify(options.body)}`);
  return parts.join(', ');
}

export class ProbeClient {
  private readonly target: string;
  private readonly fetchImpl: FetchLike;
  /** Epoch ms after which no request is started. */
  readonly deadline: number;

  constructor(target: string, fetchImpl: FetchLike, deadline: number) {
    this.target = target;
    this.fetchImpl = fetchImpl;
    this.deadline = deadline;
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  async call(method: 'GET' | 'POST', path: string, options: ShopCallOptions = {}): Promise<ShopAnswer> {
    const sent = options.sent ?? describeSent(options);
    const remaining = this.remainingMs();
    if (remaining <= 0) {
      throw new ProbeSetupError({
        en: `The probe ran out of time before ${method} ${path}.`,
        ko: `${method} ${path} 요청 전에 점검 시간 한도가 지났습니다.`,
      });
    }
    const headers: Record<string, string> = { accept: 'application/json', 'x-actor': 'probe' };
    if (options.session) headers['x-session'] = options.session;
    if (options.token) headers['x-admission-token'] = options.token;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.target}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(Math.min(maxRequestMs, remaining)),
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProbeSetupError(
        {
          en: `${method} ${path} got no answer: ${reason}.`,
          ko: `${method} ${path} 요청에 응답이 없습니다: ${reason}.`,
        },
        { method, path, status: 0, bodyExcerpt: '', sent },
      );
    }
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    return { method, path, status: response.status, body, text, sent };
  }

  /** Logs in as `userId`; returns the session id. */
  async login(userId: string): Promise<string> {
    const answer = await this.call('POST', '/api/login', { body: { userId }, sent: `login as ${userId}` });
    const session = answer.body?.sessionId;
    if (!isSuccess(answer) || typeof session !== 'string') {
      throw new ProbeSetupError(
        {
          en: `Logging in as ${userId} was refused (${answer.status}).`,
          ko: `${userId} 로그인이 거부되었습니다 (${answer.status}).`,
        },
        toEvidence(answer),
      );
    }
    return session;
  }

  async join(session: string, sent = 'join the queue with a valid session'): Promise<ShopAnswer> {
    return this.call('POST', '/api/queue/join', { session, sent });
  }

  /** Joins and returns the ticket id; a refusal is a setup failure. */
  async joinForTicket(session: string): Promise<string> {
    const answer = await this.join(session);
    const ticket = answer.body?.ticketId;
    if (!isSuccess(answer) || typeof ticket !== 'string') {
      throw new ProbeSetupError(
        {
          en: `Joining the queue was refused (${answer.status}).`,
          ko: `대기열 참가가 거부되었습니다 (${answer.status}).`,
        },
        toEvidence(answer),
      );
    }
    return ticket;
  }

  /** Polls the ticket until admitted (returns the admission token) or the deadline passes. */
  async waitForAdmission(session: string, ticketId: string): Promise<string> {
    const path = `/api/queue/status?ticket=${encodeURIComponent(ticketId)}`;
    for (let poll = 0; poll < 10_000; poll += 1) {
      const answer = await this.call('GET', path, { session, sent: 'poll own ticket with a valid session' });
      const token = answer.body?.admissionToken;
      if (isSuccess(answer) && answer.body?.state === 'admitted' && typeof token === 'string') return token;
      if (!isSuccess(answer)) {
        throw new ProbeSetupError(
          {
            en: `Polling the queue was refused (${answer.status}).`,
            ko: `대기열 상태 조회가 거부되었습니다 (${answer.status}).`,
          },
          toEvidence(answer),
        );
      }
      const etaMs = typeof answer.body?.etaMs === 'number' ? answer.body.etaMs : 200;
      const waitMs = Math.min(1_000, Math.max(50, etaMs / 2), Math.max(0, this.remainingMs() - 50));
      if (this.remainingMs() <= 100) break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    throw new ProbeSetupError({
      en: "No admission within the probe's time budget: the queue is too long or admits too slowly for a probe.",
      ko: '점검 시간 안에 입장하지 못했습니다: 대기열이 길거나 입장 속도가 너무 느립니다.',
    });
  }

  /** Logs in as `userId`, joins and waits for admission. */
  async admit(userId: string): Promise<{ session: string; token: string }> {
    const session = await this.login(userId);
    const ticket = await this.joinForTicket(session);
    return { session, token: await this.waitForAdmission(session, ticket) };
  }
}
