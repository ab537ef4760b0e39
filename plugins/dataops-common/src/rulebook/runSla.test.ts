import { validateAnnotations } from './validateAnnotations';
import { parseRunSla, runSlaThresholds } from './runSla';

describe('dataops.io/run-sla', () => {
  it.each([
    ['45m', 2700],
    [' 2h ', 7200],
    ['90s', 90],
    ['7d', 604800],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseRunSla(text)).toBe(seconds);
  });

  it.each([
    '45',
    '0m',
    '045m',
    '1h30m',
    '1.5h',
    '2w',
    '8d',
    '-5m',
    '',
    'PT45M',
  ])('refuses %j', text => {
    expect(() => parseRunSla(text)).toThrow(/run duration|longest run SLA/);
  });

  it('gives warning at the SLA and critical at SLA + 50%', () => {
    expect(runSlaThresholds(2700)).toEqual({
      direction: 'above',
      warning: 2700,
      critical: 4050,
    });
  });

  it('is checked by the rulebook with per-environment overrides', () => {
    expect(
      validateAnnotations(
        {
          'dataops.io/run-sla': '45m',
          'dataops.io/run-sla.prod': 'an hour',
          'dataops.io/run-sla.qa': '1h',
        },
        { environments: [{ name: 'dev' }, { name: 'prod' }] },
      ),
    ).toEqual([
      {
        annotation: 'dataops.io/run-sla.prod',
        message:
          "'an hour' is not a run duration such as 45m, 2h or 90s (one whole number and a unit of s, m, h or d)",
      },
      {
        annotation: 'dataops.io/run-sla.qa',
        message: "environment 'qa' is not configured (configured: dev, prod)",
      },
    ]);
  });
});
