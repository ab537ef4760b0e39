import { LabelMatcher, matchesAll, SeriesSource, StoredSeries } from '../promql';

/** Series held in memory, indexed by metric name because nearly every query names its metric. */
export class MemorySource implements SeriesSource {
  private readonly byName = new Map<string, StoredSeries[]>();

  constructor(readonly all: StoredSeries[]) {
    for (const s of all) {
      const name = s.labels.__name__;
      if (!this.byName.has(name)) this.byName.set(name, []);
      this.byName.get(name)!.push(s);
    }
  }

  select(matchers: LabelMatcher[]): StoredSeries[] {
    const byName = matchers.find(m => m.name === '__name__' && m.type === '=');
    const candidates = byName ? this.byName.get(byName.value) ?? [] : this.all;
    return candidates.filter(s => matchesAll(s.labels, matchers));
  }
}
