/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { safeLinkUrl } from './safeLinkUrl';

describe('safeLinkUrl', () => {
  it.each([
    [
      'https://prometheus.example/graph?g0.expr=up',
      'https://prometheus.example/graph?g0.expr=up',
    ],
    [
      'http://runbooks.example/Spark OOM',
      'http://runbooks.example/Spark%20OOM',
    ],
    ['HTTPS://Grafana.Example/d/x', 'https://grafana.example/d/x'],
  ])('keeps the http(s) URL %s in its normal form', (input, expected) => {
    expect(safeLinkUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    '\tjava\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/x',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
  ])('drops %j', input => {
    expect(safeLinkUrl(input)).toBeUndefined();
  });

  it('drops values that are not strings', () => {
    expect(safeLinkUrl(undefined)).toBeUndefined();
    expect(safeLinkUrl(42)).toBeUndefined();
    expect(safeLinkUrl({ href: 'https://x.example' })).toBeUndefined();
  });

  it('removes credentials from the URL', () => {
    expect(safeLinkUrl('https://admin:s3cret@runbooks.example/a')).toBe(
      'https://runbooks.example/a',
    );
    expect(safeLinkUrl('https://token@runbooks.example/a')).toBe(
      'https://runbooks.example/a',
    );
  });

  it('drops absurdly long values', () => {
    expect(
      safeLinkUrl(`https://x.example/${'a'.repeat(9000)}`),
    ).toBeUndefined();
  });
});
