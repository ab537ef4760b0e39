import { matches } from './matchers';

describe('sandbox label matchers', () => {
  it.each(Object.getOwnPropertyNames(Object.prototype))('reads only own labels: %s is empty when absent', name => {
    expect(matches({ app: 'x' }, { name, type: '=', value: '' } as any)).toBe(true);
    expect(matches({ app: 'x' }, { name, type: '=~', value: '.+' } as any)).toBe(false);
  });
});
