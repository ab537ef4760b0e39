import { Labels, Sample, StoredSeries } from '../promql';

/** A series scraped every `intervalMs`, its value a pure function of the scrape time. */
export class GeneratedSeries implements StoredSeries {
  constructor(
    readonly labels: Labels,
    readonly intervalMs: number,
    readonly valueAt: (tMs: number) => number,
  ) {}

  samples(mint: number, maxt: number): Sample[] {
    const out: Sample[] = [];
    const first = Math.ceil(mint / this.intervalMs) * this.intervalMs;
    for (let t = first; t <= maxt; t += this.intervalMs) {
      out.push({ t, v: this.valueAt(t) });
    }
    return out;
  }
}
