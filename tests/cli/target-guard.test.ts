import { describe, expect, it } from 'vitest';
import { checkTargetUrl } from '../../harness/cli/target-guard.ts';
import { UsageError } from '../../harness/errors.ts';

describe('checkTargetUrl', () => {
  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://127.5.6.7', 'http://[::1]:9000'])(
    'accepts loopback %s',
    (url) => {
      expect(checkTargetUrl(url, false)).toBe(new URL(url).origin);
    },
  );

  it.each(['http://198.51.100.5', 'https://shop.example.com', 'http://203.0.113.9:80'])(
    'refuses %s without --allow-remote',
    (url) => {
      expect(() => checkTargetUrl(url, false)).toThrow(UsageError);
      expect(() => checkTargetUrl(url, false)).toThrow(/only to 127\.0\.0\.1\/localhost/);
    },
  );

  it('lets a remote target through with --allow-remote', () => {
    expect(checkTargetUrl('https://shop.example.com/base/', true)).toBe('https://shop.example.com/base');
  });

  it('names the flag for a non-URL and a non-http scheme', () => {
    expect(() => checkTargetUrl('not a url', false)).toThrow(/--target must be a URL/);
    expect(() => checkTargetUrl('ftp://127.0.0.1', false)).toThrow(/--target must use http or https/);
  });
});
