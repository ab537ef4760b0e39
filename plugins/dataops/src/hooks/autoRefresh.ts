import { useEffect } from 'react';

/** Auto-refresh intervals a user can pick, in seconds; 0 is off. Kept in the URL as `refresh`. */
export const AUTO_REFRESH_CHOICES = [0, 30, 60, 300] as const;

/** `refresh` of the URL as one of {@link AUTO_REFRESH_CHOICES}; anything else is off. */
export function parseAutoRefresh(value: string | null): number {
  const seconds = Number(value);
  return (AUTO_REFRESH_CHOICES as readonly number[]).includes(seconds)
    ? seconds
    : 0;
}

/** The interval in words, as the control shows it: `off`, `30 s`, `1 min`, `5 min`. */
export function autoRefreshLabel(seconds: number): string {
  if (seconds <= 0) return 'off';
  return seconds < 60 ? `${seconds} s` : `${seconds / 60} min`;
}

/**
 * Calls `refresh` every `seconds` while the page is visible. A hidden tab asks nothing (a wall screen left on
 * another tab would otherwise keep every upstream busy) and refreshes once when it is shown again.
 */
export function useAutoRefresh(seconds: number, refresh: () => void) {
  useEffect(() => {
    if (seconds <= 0) return undefined;
    let missed = false;
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') {
        missed = true;
        return;
      }
      refresh();
    }, seconds * 1000);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && missed) {
        missed = false;
        refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [seconds, refresh]);
}
