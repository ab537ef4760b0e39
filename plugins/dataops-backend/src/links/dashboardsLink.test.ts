/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { ConfigReader } from '@backstage/config';
import {
  buildDashboardsLink,
  freeTextToDql,
  readDashboardsLinkConfig,
} from './dashboardsLink';

const from = Date.parse('2026-12-06T00:00:00Z');
const to = Date.parse('2026-12-06T01:00:00Z');
const config = {
  base: 'https://dashboards.example/osd',
  indexPatternIds: new Map([['logs-spark-*', 'ip-1234']]),
};

function stateOf(url: string) {
  const parsed = new URL(url);
  const params = new URLSearchParams(parsed.hash.replace(/^#\??/, ''));
  return {
    path: parsed.origin + parsed.pathname,
    a: params.get('_a'),
    g: params.get('_g'),
    q: params.get('_q'),
    rawHash: parsed.hash,
  };
}

describe('readDashboardsLinkConfig', () => {
  it('is absent without dashboardsUrl', () => {
    expect(readDashboardsLinkConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reads the base and the index pattern ids', () => {
    const read = readDashboardsLinkConfig(
      new ConfigReader({
        dashboardsUrl: 'https://osd.example/',
        dashboardsIndexPatterns: [{ pattern: 'logs-*', id: 'abc' }],
      }),
    )!;
    expect(read.base).toBe('https://osd.example');
    expect(read.indexPatternIds.get('logs-*')).toBe('abc');
  });

  it.each([
    [
      'javascript:alert(1)',
      'opensearch.dashboardsUrl must be an http or https URL',
    ],
    [
      'https://u:p@osd.example',
      'opensearch.dashboardsUrl must not contain credentials',
    ],
  ])('refuses %s at start-up', (dashboardsUrl, message) => {
    expect(() =>
      readDashboardsLinkConfig(new ConfigReader({ dashboardsUrl })),
    ).toThrow(message);
  });
});

describe('freeTextToDql', () => {
  it.each([
    ['oom', 'message:"oom"'],
    ['oom killer', 'message:"oom" and message:"killer"'],
    [
      '"out of memory" -retry',
      'message:"out of memory" and not message:"retry"',
    ],
    ['timeout | refused', '(message:"timeout" or message:"refused")'],
    ['+exit (code)', 'message:"exit" and message:"code"'],
    ['a"b \\c', 'message:"a\\"b" and message:"\\\\c"'],
    ['and or not', 'message:"and" and message:"or" and message:"not"'],
    ['', ''],
  ])('turns %j into %s', (text, dql) => {
    expect(freeTextToDql(text, 'message')).toBe(dql);
  });

  it('escapes special characters of the field name', () => {
    expect(freeTextToDql('x', 'log message')).toBe('log\\ message:"x"');
  });
});

describe('buildDashboardsLink', () => {
  it('repeats the search in the data explorer Discover, rison in the hash', () => {
    const link = buildDashboardsLink(config, {
      index: 'logs-spark-*',
      terms: [{ field: 'kubernetes.labels.app', value: 'daily-sales-etl' }],
      levels: ['error', 'warn'],
      text: 'oom',
      from,
      to,
      levelField: 'level',
      messageField: 'message',
    })!;
    expect(link.title).toBe('OpenSearch Dashboards');
    const state = stateOf(link.url);
    expect(state.path).toBe(
      'https://dashboards.example/osd/app/data-explorer/discover',
    );
    expect(state.a).toBe(
      '(discover:(columns:!(_source),isDirty:!f,sort:!()),metadata:(indexPattern:ip-1234,view:discover))',
    );
    expect(state.g).toBe(
      "(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:'2026-12-06T00:00:00.000Z',to:'2026-12-06T01:00:00.000Z'))",
    );
    expect(state.q).toBe(
      "(filters:!((meta:(alias:!n,disabled:!f,index:ip-1234,key:kubernetes.labels.app,negate:!f,params:(query:daily-sales-etl),type:phrase),query:(match_phrase:(kubernetes.labels.app:daily-sales-etl))),(meta:(alias:!n,disabled:!f,index:ip-1234,key:level,negate:!f,params:!(error,warn),type:phrases,value:'error, warn'),query:(bool:(minimum_should_match:1,should:!((match_phrase:(level:error)),(match_phrase:(level:warn))))))),query:(language:kuery,query:'message:\"oom\"'))",
    );
  });

  it('uses the pattern itself when no id is configured, and an empty query without text', () => {
    const state = stateOf(
      buildDashboardsLink(config, {
        index: 'logs-airflow-*',
        terms: [],
        from,
        to,
        levelField: 'level',
        messageField: 'message',
      })!.url,
    );
    expect(state.a).toContain("indexPattern:'logs-airflow-*'");
    expect(state.q).toBe("(filters:!(),query:(language:kuery,query:''))");
  });

  it('escapes hostile values: rison quotes, URL encoding, no way out of the hash', () => {
    const link = buildDashboardsLink(config, {
      index: 'logs-spark-*',
      terms: [{ field: 'app', value: "x',evil:!t)&_g=(y#" }],
      text: "it's & done! #frag",
      from,
      to,
      levelField: 'level',
      messageField: 'message',
    })!;
    const state = stateOf(link.url);
    // One fragment, exactly three state parameters, nothing injected beside them.
    expect(link.url.split('#')).toHaveLength(2);
    expect(
      Array.from(
        new URLSearchParams(state.rawHash.replace(/^#\??/, '')).keys(),
      ),
    ).toEqual(['_a', '_g', '_q']);
    expect(state.q).toContain("params:(query:'x!',evil:!!t)&_g=(y#')");
    expect(state.q).toContain(
      `query:'message:"it!'s" and message:"&" and message:"done!!" and message:"#frag"'`,
    );
    expect(link.url).not.toMatch(/[\s"<>]/);
  });
});
