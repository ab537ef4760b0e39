import { rollupStates, StateInput } from './rollupStates';

const ok = (label: string, detail = '1 %'): StateInput => ({
  label,
  state: 'ok',
  level: 'healthy',
  detail,
});
const missing = (label: string, state: StateInput['state']): StateInput => ({
  label,
  state,
  level: 'unknown',
  detail: state,
});
const sixHealthy = ['A', 'B', 'C', 'D', 'E', 'F'].map(l => ok(l));

describe('rollupStates', () => {
  it('counts panels within thresholds when all are ok', () => {
    expect(rollupStates(sixHealthy, 'panels')).toEqual({
      level: 'healthy',
      reason: 'healthy: 6 of 6 panels within thresholds',
    });
  });

  it('keeps the known level when one panel is not collected and names it', () => {
    expect(
      rollupStates(
        [missing('Active jobs', 'not-collected'), ...sixHealthy],
        'panels',
      ),
    ).toEqual({
      level: 'healthy',
      reason:
        'healthy: 6 of 7 panels within thresholds; Active jobs not collected',
    });
  });

  it('names the worst panels with their values, then what could not be judged', () => {
    expect(
      rollupStates(
        [
          ...sixHealthy,
          { label: 'Memory', state: 'ok', level: 'warning', detail: '88 %' },
          {
            label: 'GC time ratio',
            state: 'ok',
            level: 'critical',
            detail: '27.1 %',
          },
          missing('Active jobs', 'not-collected'),
        ],
        'panels',
      ),
    ).toEqual({
      level: 'critical',
      reason: 'critical: GC time ratio (27.1 %); Active jobs not collected',
    });
  });

  it('is unknown and says why when every panel is not collected', () => {
    expect(
      rollupStates(
        [missing('A', 'not-collected'), missing('B', 'not-collected')],
        'panels',
      ),
    ).toEqual({
      level: 'unknown',
      reason: 'unknown: all 2 panels not collected (A, B)',
    });
  });

  it('is unknown when every check is empty, an ok part without a value counting as empty', () => {
    expect(
      rollupStates(
        [missing('A', 'empty'), { label: 'B', state: 'ok', level: 'unknown' }],
        'checks',
      ),
    ).toEqual({
      level: 'unknown',
      reason: 'unknown: all 2 checks no samples in range (A, B)',
    });
  });

  it('names failed queries among judged panels and among unjudged ones', () => {
    expect(
      rollupStates(
        [
          ok('A'),
          { label: 'B', state: 'ok', level: 'warning', detail: '3 s' },
          missing('C', 'error'),
          missing('D', 'empty'),
        ],
        'panels',
      ),
    ).toEqual({
      level: 'warning',
      reason: 'warning: B (3 s); D no samples in range; C query failed',
    });
    expect(
      rollupStates(
        [
          missing('C', 'error'),
          missing('D', 'not-collected'),
          missing('E', 'error'),
        ],
        'panels',
      ),
    ).toEqual({
      level: 'unknown',
      reason:
        'unknown: no panels with a value; D not collected; C, E query failed',
    });
  });

  it('abbreviates long lists and falls back to the empty reason', () => {
    const gone = ['a', 'b', 'c', 'd'].map(l => missing(l, 'not-collected'));
    expect(rollupStates([ok('x'), ...gone], 'panels').reason).toBe(
      'healthy: 1 of 5 panels within thresholds; a, b, c and 1 more not collected',
    );
    expect(rollupStates([], 'panels', 'no panels for this type')).toEqual({
      level: 'unknown',
      reason: 'no panels for this type',
    });
  });
});
