import { SpecValidator } from './SpecValidator';

describe('SpecValidator', () => {
  it('accepts a conforming Alertmanager alert list and names what is wrong in a bad one', () => {
    const validator = SpecValidator.for('alertmanager');
    const alert = {
      labels: { alertname: 'SparkJobFailed' },
      annotations: {},
      startsAt: '2026-11-23T07:00:00Z',
      endsAt: '2026-11-23T08:00:00Z',
      updatedAt: '2026-11-23T07:00:00Z',
      fingerprint: 'abc',
      receivers: [{ name: 'team' }],
      status: {
        state: 'active',
        silencedBy: [],
        inhibitedBy: [],
        mutedBy: [],
      },
    };
    expect(validator.checkResponse('GET', '/alerts', 200, [alert])).toEqual({
      valid: true,
      errors: [],
    });
    const bad = validator.checkResponse('GET', '/alerts', 200, [
      { ...alert, status: { state: 'burning' } },
    ]);
    expect(bad.valid).toBe(false);
    expect(bad.errors.join('\n')).toMatch(/\/0\/status/);
  });

  it('checks Argo CD definitions by name', () => {
    const validator = SpecValidator.for('argocd');
    expect(
      validator.checkSchema('v1alpha1ApplicationList', {
        items: [{ metadata: { name: 'x' }, status: { sync: { status: 'Synced' } } }],
      }).valid,
    ).toBe(true);
    expect(
      validator.checkSchema('v1alpha1ApplicationList', { items: 'nope' }).valid,
    ).toBe(false);
  });

  it('checks OpenAPI 3.1 responses of the Iceberg REST catalog', () => {
    const validator = SpecValidator.for('iceberg');
    expect(
      validator.checkResponse('GET', '/v1/config', 200, {
        defaults: {},
        overrides: {},
      }).valid,
    ).toBe(true);
    expect(
      validator.checkResponse('GET', '/v1/config', 200, { defaults: 3 }).valid,
    ).toBe(false);
  });

  it('fails loudly on an operation the specification does not have', () => {
    const validator = SpecValidator.for('alertmanager');
    expect(() => validator.checkResponse('GET', '/nothing', 200, {})).toThrow(
      /no operation GET \/nothing/,
    );
  });
});
