import { Faults } from './Faults';

describe('Faults', () => {
  it('keeps the scripted stage log outage and adds what the variables ask for', () => {
    const f = new Faults('prod,dev:argocd', 'stage:prometheus=3000,dev=50');
    expect(f.isDown('stage', 'opensearch')).toBe(true);
    expect(f.isDown('prod', 'k8s')).toBe(true);
    expect(f.isDown('dev', 'argocd')).toBe(true);
    expect(f.isDown('dev', 'prometheus')).toBe(false);
    expect(f.delayMs('stage', 'prometheus')).toBe(3000);
    expect(f.delayMs('dev', 'opensearch')).toBe(50);
    expect(f.delayMs('prod', 'opensearch')).toBe(0);
  });

  it('accepts the Iceberg catalog as a service', () => {
    const f = new Faults('dev:iceberg', 'prod:iceberg=200');
    expect(f.isDown('dev', 'iceberg')).toBe(true);
    expect(f.isDown('dev', 'prometheus')).toBe(false);
    expect(f.delayMs('prod', 'iceberg')).toBe(200);
  });

  it('lifts the scripted outage with none', () => {
    expect(new Faults('none', '').isDown('stage', 'opensearch')).toBe(false);
  });

  it('names the problem in bad specifications', () => {
    expect(() => new Faults('qa', '')).toThrow(/'qa' is not <env>/);
    expect(() => new Faults('prod:grafana', '')).toThrow(/unknown service 'grafana'/);
    expect(() => new Faults('', 'prod=slow')).toThrow(/<milliseconds>/);
  });
});
