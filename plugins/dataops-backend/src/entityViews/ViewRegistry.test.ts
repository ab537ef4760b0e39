import { InputError } from '@backstage/errors';
import { ViewRegistry } from './ViewRegistry';

const view = (name: string) => ({ name, ttlSeconds: 1, run: async () => ({}) });

describe('ViewRegistry', () => {
  it('finds views and names the known ones for unknown names', () => {
    const registry = new ViewRegistry();
    registry.register(view('metrics'));
    registry.register(view('storage'));
    expect(registry.get('storage').name).toBe('storage');
    expect(() => registry.get('slo')).toThrow(InputError);
    expect(() => registry.get('slo')).toThrow(
      "Unknown view 'slo'; known views: metrics, storage",
    );
  });

  it('refuses duplicates and odd names', () => {
    const registry = new ViewRegistry();
    registry.register(view('metrics'));
    expect(() => registry.register(view('metrics'))).toThrow(/twice/);
    expect(() => registry.register(view('../x'))).toThrow(/Invalid/);
  });
});
