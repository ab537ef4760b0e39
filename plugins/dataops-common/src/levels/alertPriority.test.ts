import type { Priority } from '../api/types';
import { alertPriority, DEFAULT_PRIORITY_MAPPING, PriorityMapping } from '.';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

describe('alertPriority', () => {
  it('lets a P1-P4 priority label win over the severity', () => {
    // The suite's own slow-burn SLO rule: severity warning, priority P2.
    expect(alertPriority({ priority: 'P2', severity: 'warning' })).toBe('P2');
    expect(alertPriority({ priority: 'P4', severity: 'critical' })).toBe('P4');
  });

  it('maps the severity, in lower case, when the priority label is absent or not P1-P4', () => {
    expect(alertPriority({ severity: 'critical' })).toBe('P1');
    expect(alertPriority({ severity: 'WARNING' })).toBe('P3');
    expect(alertPriority({ priority: 'p1', severity: 'info' })).toBe('P4');
    expect(alertPriority({ priority: 'urgent', severity: 'high' })).toBe('P2');
  });

  it('gives unknown or missing severities the configured default', () => {
    const mapping: PriorityMapping = {
      severities: new Map<string, Priority>([['page', 'P1']]),
      unknownSeverity: 'P4',
    };
    expect(alertPriority({ severity: 'page' }, mapping)).toBe('P1');
    expect(alertPriority({ severity: 'critical' }, mapping)).toBe('P4');
    expect(alertPriority({}, mapping)).toBe('P4');
    expect(alertPriority({}, DEFAULT_PRIORITY_MAPPING)).toBe('P3');
  });

  it.each(PROTOTYPE_KEYS)(
    'treats the severity %j as an unknown severity, not as an object key',
    key => {
      expect(alertPriority({ severity: key })).toBe('P3');
      expect(alertPriority({ priority: key, severity: key })).toBe('P3');
    },
  );

  it('never throws on odd values', () => {
    for (const value of [
      '',
      'x'.repeat(10_000),
      '重大',
      '.*+?()[]{}|\\^$',
      42,
      null,
      {},
    ]) {
      expect(alertPriority({ priority: value, severity: value })).toBe('P3');
    }
  });
});
