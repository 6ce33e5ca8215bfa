// A plain k6 script, written the way a team writes its own (nothing from saleready): named
// requests, a group, and a request the shop refuses (401), against the reference shop (BASE_URL).
import http from 'k6/http';
import { check, group } from 'k6';

export const options = {
  discardResponseBodies: true,
  scenarios: {
    shoppers: { executor: 'constant-arrival-rate', rate: 40, timeUnit: '1s', duration: '3s', preAllocatedVUs: 20 },
  },
  // Thresholds on tagged submetrics make k6 report them in --summary-export (the test's reference).
  thresholds: {
    'http_reqs{name:health}': ['count>=0'],
    'http_reqs{name:login}': ['count>=0'],
    'http_reqs{name:product}': ['count>=0'],
    'http_req_duration{name:health}': ['p(95)<10000'],
    'http_req_duration{name:login}': ['p(95)<10000'],
    'http_req_duration{name:product}': ['p(95)<10000'],
    'http_req_duration{group:::sign in}': ['p(95)<10000'],
    'http_req_failed{name:product}': ['rate<=1'],
  },
};

export default function () {
  const base = __ENV.BASE_URL;
  http.get(`${base}/healthz`, { tags: { name: 'health' } });
  group('sign in', () => {
    const login = http.post(`${base}/api/login`, JSON.stringify({ userId: `u${__VU}-${__ITER}` }), {
      headers: { 'content-type': 'application/json' },
      tags: { name: 'login' },
    });
    check(login, { 'logged in': (r) => r.status === 200 });
  });
  // Without an admission token the shop answers 401/403: failed requests for the error rate.
  http.get(`${base}/api/product`, { tags: { name: 'product' } });
}
