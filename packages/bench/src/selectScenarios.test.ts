import { selectScenarios } from './selectScenarios';
import type { Scenario } from './types';

const scenario = (id: string): Scenario => ({
  id,
  title: id,
  run: () => Promise.reject(new Error('not run in this test')),
});

describe('selectScenarios', () => {
  const all = ['fan-out', 'cost', 'memory'].map(scenario);

  it('runs everything without arguments', () => {
    expect(selectScenarios(all, []).map(s => s.id)).toEqual([
      'fan-out',
      'cost',
      'memory',
    ]);
  });

  it('keeps the numbered order whatever the order of the arguments', () => {
    expect(selectScenarios(all, ['memory', 'fan-out']).map(s => s.id)).toEqual([
      'fan-out',
      'memory',
    ]);
  });

  it('names the valid ids when one is unknown', () => {
    expect(() => selectScenarios(all, ['cost', 'fanout'])).toThrow(
      'unknown scenario fanout; choose from fan-out, cost, memory',
    );
  });
});
