import { Labels, Sample, StoredSeries } from '../promql';

/**
 * A series scraped every `intervalMs`, its value a pure function of the scrape time. With `endMs` the
 * scrapes stop there (a dead exporter): no samples after it, in the evaluator and in backfilled blocks alike.
 */
export class GeneratedSeries implements StoredSeries {
  constructor(
    readonly labels: Labels,
    readonly intervalMs: number,
    readonly valueAt: (tMs: number) => number,
    readonly endMs: number = Infinity,
  ) {}

  samples(mint: number, maxt: number): Sample[] {
    const out: Sample[] = [];
    const first = Math.ceil(mint / this.intervalMs) * this.intervalMs;
    const last = Math.min(maxt, this.endMs);
    for (let t = first; t <= last; t += this.intervalMs) {
      out.push({ t, v: this.valueAt(t) });
    }
    return out;
  }
}
