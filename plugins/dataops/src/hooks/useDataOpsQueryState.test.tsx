import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { useDataOpsQueryState } from './useDataOpsQueryState';
import { parseTimeRange, resolveTimeRange, toApiRange } from './timeRange';

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ state: useDataOpsQueryState(), location: useLocation() }),
    { wrapper },
  );
}

describe('useDataOpsQueryState', () => {
  it('reads environments and range from the URL', () => {
    const { result } = setup('/x?env=dev&env=prod&range=24h');
    expect(result.current.state.envs).toEqual(['dev', 'prod']);
    expect(result.current.state.range).toEqual({
      kind: 'preset',
      preset: '24h',
    });
  });

  it('writes changes back so the link reproduces the view', () => {
    const { result } = setup('/x?q=oom');
    act(() => result.current.state.setEnvs(['stage']));
    act(() =>
      result.current.state.setRange({
        kind: 'absolute',
        from: '2026-11-22T09:00:00.000Z',
        to: '2026-11-22T10:00:00.000Z',
      }),
    );
    const params = new URLSearchParams(result.current.location.search);
    expect(params.getAll('env')).toEqual(['stage']);
    expect(params.get('from')).toBe('2026-11-22T09:00:00.000Z');
    expect(params.get('range')).toBeNull();
    expect(params.get('q')).toBe('oom');
    act(() => result.current.state.setRange({ kind: 'preset', preset: '7d' }));
    const after = new URLSearchParams(result.current.location.search);
    expect(after.get('from')).toBeNull();
    expect(after.get('range')).toBe('7d');
  });

  it('refreshes on its own at the interval the URL names, and not while the page is hidden', () => {
    jest.useFakeTimers();
    try {
      const { result } = setup('/x?refresh=30');
      expect(result.current.state.autoRefreshSeconds).toBe(30);
      const start = result.current.state.refreshKey;
      act(() => {
        jest.advanceTimersByTime(30_000);
      });
      expect(result.current.state.refreshKey).toBe(start + 1);

      const visibility = jest
        .spyOn(document, 'visibilityState', 'get')
        .mockReturnValue('hidden');
      act(() => {
        jest.advanceTimersByTime(90_000);
      });
      expect(result.current.state.refreshKey).toBe(start + 1);
      // Shown again: one refresh for the time it was away.
      visibility.mockReturnValue('visible');
      act(() => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(result.current.state.refreshKey).toBe(start + 2);
      visibility.mockRestore();

      act(() => result.current.state.setAutoRefresh(0));
      expect(
        new URLSearchParams(result.current.location.search).get('refresh'),
      ).toBeNull();
      act(() => {
        jest.advanceTimersByTime(300_000);
      });
      expect(result.current.state.refreshKey).toBe(start + 2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('treats an interval it does not offer as off', () => {
    expect(setup('/x?refresh=1').result.current.state.autoRefreshSeconds).toBe(
      0,
    );
    expect(
      setup('/x?refresh=constructor').result.current.state.autoRefreshSeconds,
    ).toBe(0);
  });

  it('bumps the refresh key', () => {
    const { result } = setup('/x');
    const before = result.current.state.refreshKey;
    act(() => result.current.state.refresh());
    expect(result.current.state.refreshKey).toBe(before + 1);
  });
});

describe('time ranges', () => {
  it('falls back to 6h on missing, unknown or reversed ranges', () => {
    const def = { kind: 'preset', preset: '6h' };
    expect(parseTimeRange(new URLSearchParams(''))).toEqual(def);
    expect(parseTimeRange(new URLSearchParams('range=3y'))).toEqual(def);
    expect(
      parseTimeRange(
        new URLSearchParams(
          'from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z',
        ),
      ),
    ).toEqual(def);
  });

  it('sends presets as now-relative and bounds the step', () => {
    expect(toApiRange({ kind: 'preset', preset: '1h' })).toEqual({
      from: 'now-1h',
      to: 'now',
      step: 15,
    });
    expect(toApiRange({ kind: 'preset', preset: '7d' }).step).toBe(2520);
    const abs = toApiRange({
      kind: 'absolute',
      from: '2026-11-22T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
    });
    expect(abs).toEqual({
      from: '2026-11-22T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      step: 360,
    });
  });

  it('resolves presets against now', () => {
    expect(
      resolveTimeRange({ kind: 'preset', preset: '6h' }, 100_000_000),
    ).toEqual({
      fromMs: 100_000_000 - 21_600_000,
      toMs: 100_000_000,
    });
  });
});
