import { applicationLevel } from './toApplicationStatus';

const now = Date.parse('2026-01-01T12:00:00Z');

describe('applicationLevel', () => {
  it('makes OutOfSync critical only after 5 minutes', () => {
    expect(
      applicationLevel('OutOfSync', 'Healthy', '2026-01-01T11:56:00Z', now),
    ).toBe('warning');
    expect(
      applicationLevel('OutOfSync', 'Healthy', '2026-01-01T11:54:59Z', now),
    ).toBe('critical');
  });

  it('maps health', () => {
    expect(applicationLevel('Synced', 'Healthy', undefined, now)).toBe(
      'healthy',
    );
    expect(applicationLevel('Synced', 'Degraded', undefined, now)).toBe(
      'critical',
    );
    expect(applicationLevel('Synced', 'Progressing', undefined, now)).toBe(
      'warning',
    );
    expect(applicationLevel('Unknown', 'Unknown', undefined, now)).toBe(
      'unknown',
    );
  });
});
