import type {
  BurnRateAlert,
  SloData,
} from '@dataops-observability/plugin-dataops-common';

/** 0.99917 -> "99.917%": SLIs live close to 100%, so keep enough digits to see the difference. */
export function formatPercent(fraction: number, digits = 3): string {
  return `${Number((fraction * 100).toFixed(digits))}%`;
}

/** Burn rates: whole numbers when large, two decimals when small, "no data" when unknown. */
export function formatBurnRate(rate: number | null): string {
  if (rate === null) return 'no data';
  if (rate >= 10) return String(Math.round(rate * 10) / 10);
  return String(Math.round(rate * 100) / 100);
}

export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return `${rounded} min`;
}

/** The firing alerts a burn-rate window takes part in, as its long or its short window. */
export function firingAlertsOfWindow(
  data: SloData,
  window: string,
): BurnRateAlert[] {
  return data.alerts.filter(
    a => a.firing && (a.longWindow === window || a.shortWindow === window),
  );
}

/** Alerts whose threshold this window's rate exceeds while the alert as a whole does not fire. */
export function exceededThresholdsOfWindow(
  data: SloData,
  window: string,
  rate: number | null,
): BurnRateAlert[] {
  if (rate === null) return [];
  return data.alerts.filter(
    a =>
      !a.firing &&
      (a.longWindow === window || a.shortWindow === window) &&
      rate > a.threshold,
  );
}
