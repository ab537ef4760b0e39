import { ConfigReader } from '@backstage/config';
import { readPollerConfig } from './readPollerConfig';

const read = (alertPoller?: object) =>
  readPollerConfig(new ConfigReader({ dataops: { alertPoller } }));

describe('readPollerConfig', () => {
  it('defaults to polling every 30 s and keeping resolved episodes 400 days', () => {
    expect(read()).toEqual({
      enabled: true,
      frequencySeconds: 30,
      retentionDays: 400,
    });
    expect(read({ retentionDays: 90 }).retentionDays).toBe(90);
  });

  it.each([0, -5, 1.5, 40000])(
    'rejects retentionDays %p with the key named',
    retentionDays => {
      expect(() => read({ retentionDays })).toThrow(
        /dataops\.alertPoller\.retentionDays: '.*' must be a whole number from 1 to 36500/,
      );
    },
  );
});
