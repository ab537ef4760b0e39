import { absoluteRange, viewRequest } from './viewRequests';

describe('view requests', () => {
  const now = Date.parse('2026-03-01T12:34:56Z');

  it('ends ranges a whole minute in the past, offsets moving them further back', () => {
    expect(absoluteRange(0, now)).toEqual({
      from: '2026-03-01T11:33:00.000Z',
      to: '2026-03-01T12:33:00.000Z',
    });
    expect(absoluteRange(5, now).to).toBe('2026-03-01T12:28:00.000Z');
  });

  it('builds the entity view path with the range and repeated env parameters', () => {
    expect(
      viewRequest('daily-sales-etl', 'metrics', absoluteRange(0, now), [
        'env01',
        'env02',
      ]),
    ).toBe(
      '/api/dataops/v1/entity/default/component/daily-sales-etl/metrics' +
        '?from=2026-03-01T11%3A33%3A00.000Z&to=2026-03-01T12%3A33%3A00.000Z&env=env01&env=env02',
    );
    expect(
      viewRequest('marketing-web-sessions', 'summary', absoluteRange(0, now)),
    ).toMatch(
      /^\/api\/dataops\/v1\/entity\/default\/resource\/marketing-web-sessions\/summary\?/,
    );
  });
});
