/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import {
  checkLinkBase,
  compileLinkTemplate,
  fillLinkTemplate,
  isLinkTemplate,
} from './linkTemplate';

describe('checkLinkBase', () => {
  it('keeps an http(s) base without trailing slashes', () => {
    expect(checkLinkBase('https://thanos.example/query/', 'thanos.uiUrl')).toBe(
      'https://thanos.example/query',
    );
    expect(checkLinkBase('http://localhost:9090', 'thanos.uiUrl')).toBe(
      'http://localhost:9090',
    );
  });

  it.each([
    ['javascript:alert(1)', 'thanos.uiUrl must be an http or https URL'],
    ['ftp://x.example', 'thanos.uiUrl must be an http or https URL'],
    ['nope', "thanos.uiUrl 'nope' is not a valid URL"],
    [
      'https://user:pw@x.example',
      'thanos.uiUrl must not contain credentials; links are shown to every reader',
    ],
    [
      'https://x.example/?token=abc',
      'thanos.uiUrl must be a base URL without query or fragment; use a template with placeholders instead',
    ],
    [
      'https://x.example/#/a',
      'thanos.uiUrl must be a base URL without query or fragment; use a template with placeholders instead',
    ],
  ])('refuses %s naming the key', (url, message) => {
    expect(() => checkLinkBase(url, 'thanos.uiUrl')).toThrow(message);
  });
});

describe('link templates', () => {
  const allowed = ['query', 'from'];

  it('tells templates from base URLs', () => {
    expect(isLinkTemplate('https://g.example/explore?q={{query}}')).toBe(true);
    expect(isLinkTemplate('https://g.example')).toBe(false);
  });

  it('fills placeholders with URL-encoded values', () => {
    const t = compileLinkTemplate(
      'https://grafana.example/explore?expr={{query}}&from={{ from }}',
      'thanos.uiUrl',
      allowed,
    );
    const url = fillLinkTemplate(
      t,
      new Map([
        ['query', 'sum(rate(x{a="b&c=d"}[5m])) / 2 # + ?'],
        ['from', '2026-12-01T00:00:00.000Z'],
      ]),
    )!;
    expect(url).toBe(
      'https://grafana.example/explore?expr=sum(rate(x%7Ba%3D%22b%26c%3Dd%22%7D%5B5m%5D))%20%2F%202%20%23%20%2B%20%3F&from=2026-12-01T00%3A00%3A00.000Z',
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get('expr')).toBe(
      'sum(rate(x{a="b&c=d"}[5m])) / 2 # + ?',
    );
    expect(parsed.hash).toBe('');
  });

  it('keeps the origin whatever the values', () => {
    const t = compileLinkTemplate(
      'https://grafana.example/{{query}}',
      'x',
      allowed,
    );
    const url = fillLinkTemplate(t, new Map([['query', '//evil.example/@x']]))!;
    expect(new URL(url).origin).toBe('https://grafana.example');
  });

  it('leaves a placeholder without value empty', () => {
    const t = compileLinkTemplate(
      'https://g.example/?q={{query}}',
      'x',
      allowed,
    );
    expect(fillLinkTemplate(t, new Map())).toBe('https://g.example/?q=');
  });

  it('takes pre-encoded values as they are', () => {
    const t = compileLinkTemplate('https://g.example/{{query}}', 'x', allowed);
    expect(
      fillLinkTemplate(t, new Map([['query', 'a/b%20c']]), new Set(['query'])),
    ).toBe('https://g.example/a/b%20c');
  });

  it.each([
    [
      'https://g.example/?q={{secret}}',
      'x: unknown placeholder {{secret}}; use {{query}}, {{from}}',
    ],
    ['https://g.example/?q={{query}', "x: malformed placeholder '{{query}'"],
    ['https://g.example/?q={{ query', "x: malformed placeholder '{{ query'"],
    ['https://g.example/?q={{}}', "x: malformed placeholder '{{}'"],
    [
      'https://{{query}}.example/',
      'x: placeholders may only follow the host, e.g. https://grafana.example/explore?...{{query}}',
    ],
    [
      '{{query}}',
      'x: placeholders may only follow the host, e.g. https://grafana.example/explore?...{{query}}',
    ],
    [
      'javascript://x.example/{{query}}',
      'x: placeholders may only follow the host',
    ],
    [
      'https://u:p@g.example/?q={{query}}',
      'x must not contain credentials; links are shown to every reader',
    ],
  ])('refuses the template %s at start-up', (template, message) => {
    expect(() => compileLinkTemplate(template, 'x', allowed)).toThrow(message);
  });
});
