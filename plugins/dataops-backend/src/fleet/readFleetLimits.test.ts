import { ConfigReader } from '@backstage/config';
import { readFleetLimits } from './readFleetLimits';

describe('readFleetLimits', () => {
  it('uses the documented defaults', () => {
    expect(readFleetLimits(new ConfigReader({}))).toEqual({
      maxConcurrentEntities: 4,
      maxEntities: 1000,
      deadlineMs: 5000,
      cellFreshMs: 60_000,
      cellMaxAgeMs: 900_000,
      cellRetryPauseMs: 1000,
    });
  });

  it('reads the configured values and rejects non-positive ones', () => {
    const config = (fleet: object) => new ConfigReader({ dataops: { fleet } });
    expect(
      readFleetLimits(
        config({
          maxConcurrentEntities: 2,
          maxEntities: 10,
          deadlineSeconds: 1.5,
          cellFreshSeconds: 10,
          cellMaxAgeSeconds: 120,
          cellRetryPauseSeconds: 0.25,
        }),
      ),
    ).toEqual({
      maxConcurrentEntities: 2,
      maxEntities: 10,
      deadlineMs: 1500,
      cellFreshMs: 10_000,
      cellMaxAgeMs: 120_000,
      cellRetryPauseMs: 250,
    });
    expect(() => readFleetLimits(config({ maxEntities: 0 }))).toThrow(
      'dataops.fleet.maxEntities',
    );
  });
});
