'use strict';
// One person's connection to the shop: an undici Client (one keep-alive connection, as a
// phone has) that times every request and records it — saleready's metrics (http_reqs,
// http_req_duration, http_req_failed with the tags of docs/METRICS.md) and Artillery's own
// (http.requests, http.codes.*, http.response_time, saleready.response_time.<step>).
const { Client } = require('undici');

/** Answers that are the shop working correctly, not failures (docs/METRICS.md). */
function isExpectedStatus(status) {
  return (status >= 200 && status <= 399) || status === 409 || status === 410 || status === 429;
}

/** A bot's attempt to skip the queue also expects refusals: the shop defending itself. */
function isExpectedBypassStatus(status) {
  return (status >= 200 && status <= 399) || status === 400 || status === 401 || status === 403 || status === 409;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** An answer: status (0 when there was none), the body text, its JSON when it parses. */
function answer(status, text, error) {
  let parsed;
  let parsedYet = false;
  return {
    status,
    text,
    error,
    json() {
      if (!parsedYet) {
        parsedYet = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
      }
      return parsed;
    },
    field(name) {
      const body = this.json();
      return body && typeof body === 'object' ? body[name] : undefined;
    },
    errorCode() {
      const code = this.field('error');
      return typeof code === 'string' ? code : '';
    },
  };
}

/**
 * A connection bound to the shop's base URL, a recorder and Artillery's event emitter.
 * `send(step, method, path, options)` → answer; options: body (JSON), session, token,
 * name (tag; default the path without its query), bypass (tag), tags (extra tags).
 */
function createConnection(baseUrl, recorder, ee, actor) {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  const client = new Client(url.origin, {
    pipelining: 1,
    connect: { timeout: 10_000 },
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
    keepAliveTimeout: 60_000,
  });

  async function send(step, method, path, options = {}) {
    const headers = { 'x-actor': actor };
    if (options.body !== undefined) Object.assign(headers, JSON_HEADERS);
    if (options.session) headers['x-session'] = options.session;
    if (options.token) headers['x-admission-token'] = options.token;
    const started = performance.now();
    let status = 0;
    let text = '';
    let error = null;
    try {
      const response = await client.request({
        path: prefix + path,
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (caught) {
      error = caught && caught.code ? caught.code : 'ERR_REQUEST';
    }
    const durationMs = performance.now() - started;
    const expected = options.bypass ? isExpectedBypassStatus(status) : isExpectedStatus(status);
    const tags = {
      step,
      actor,
      status: String(status),
      name: options.name || path.split('?')[0],
      expected_response: expected ? 'true' : 'false',
      bypass: options.bypass,
      ...options.tags,
    };
    const now = Date.now();
    recorder.count('http_reqs', tags, 1, now);
    recorder.trend('http_req_duration', tags, durationMs, now);
    recorder.rate('http_req_failed', tags, !expected, now);
    recorder.sample(step, actor, status, durationMs);
    ee.emit('counter', 'http.requests', 1);
    ee.emit('histogram', 'http.response_time', durationMs);
    ee.emit('histogram', `saleready.response_time.${step}`, durationMs);
    if (!expected) ee.emit('counter', 'saleready.requests_failed', 1);
    if (status === 0) ee.emit('error', error);
    else ee.emit('counter', `http.codes.${status}`, 1);
    return answer(status, text, error);
  }

  function close() {
    return client.close().catch(() => client.destroy());
  }

  return { send, close };
}

module.exports = { createConnection, isExpectedStatus, isExpectedBypassStatus };
