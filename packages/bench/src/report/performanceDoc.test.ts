import {
  mergeIntoPerformanceDoc,
  renderPerformanceDoc,
} from './performanceDoc';

describe('renderPerformanceDoc', () => {
  const doc = renderPerformanceDoc({
    machine: {
      cpuModel: 'Test CPU 3000',
      cores: 2,
      memoryBytes: 8 * 1024 ** 3,
      nodeVersion: 'v22.1.0',
      platform: 'Linux 6.1 x64',
    },
    date: new Date('2026-01-02T03:04:05Z'),
    command: 'yarn bench fan-out',
    results: [
      {
        id: 'fan-out',
        title: 'Fan-out over environments',
        goal: 'overhead p99 <= 10 ms',
        measured: 'overhead p99 3 ms',
        columns: ['envs', 'p99'],
        rows: [{ envs: 3, p99: '303 ms' }],
        verdict: 'met',
        notes: ['Measured with autocannon.'],
      },
      {
        id: 'memory',
        title: 'Memory',
        columns: ['phase'],
        rows: [{ phase: 'after start' }],
        verdict: 'missed',
        notes: [],
      },
    ],
  });

  it('names the machine, Node.js, date and command in the header', () => {
    expect(doc).toContain('Test CPU 3000, 2 cores, 8.0 GiB memory');
    expect(doc).toContain('- Node.js: v22.1.0');
    expect(doc).toContain('- Date: 2026-01-02T03:04:05.000Z');
    expect(doc).toContain('- Command: `yarn bench fan-out`');
  });

  it('summarises every goal against its figure and verdict', () => {
    expect(doc).toMatch(
      /^\| \[Fan-out over environments\]\(#fan-out\) \| overhead p99 <= 10 ms \| overhead p99 3 ms \| met {8}\|$/m,
    );
    expect(doc).toMatch(
      /^\| \[Memory\]\(#memory\) +\| - +\| - +\| \*\*missed\*\* \|$/m,
    );
  });

  it('has a section per scenario with its table and notes', () => {
    const section = doc.slice(doc.indexOf('## Fan-out over environments'));
    expect(section).toContain(
      '| envs | p99    |\n| ---- | ------ |\n| 3    | 303 ms |',
    );
    expect(section).toContain('- Measured with autocannon.');
    expect(doc.indexOf('## Memory')).toBeGreaterThan(doc.indexOf('## Fan-out'));
  });
});

describe('mergeIntoPerformanceDoc', () => {
  const machine = {
    cpuModel: 'Test CPU 3000',
    cores: 2,
    memoryBytes: 8 * 1024 ** 3,
    nodeVersion: 'v22.1.0',
    platform: 'Linux 6.1 x64',
  };
  const result = (id: string, measured: string, title = id) => ({
    id,
    title,
    goal: 'fast',
    measured,
    columns: ['x'],
    rows: [{ x: measured }],
    verdict: 'met' as const,
    notes: [`note of ${measured}`],
  });
  const full = renderPerformanceDoc({
    machine,
    date: new Date('2026-01-01T00:00:00Z'),
    command: 'yarn bench',
    results: [result('fan-out', 'old fan-out'), result('memory', 'old memory')],
  });

  it('replaces the sections and summary rows of the scenarios a partial run measured, and marks them', () => {
    const merged = mergeIntoPerformanceDoc(full, {
      machine,
      date: new Date('2026-02-02T00:00:00Z'),
      command: 'yarn bench --into-doc memory soak',
      results: [result('memory', 'new memory'), result('soak', 'new soak')],
    });
    expect(merged).toContain('- Date: 2026-01-01T00:00:00.000Z');
    expect(merged).toContain('old fan-out');
    expect(merged).not.toContain('old memory');
    expect(merged).toMatch(
      /^\| \[memory\]\(#memory\) +\| fast +\| new memory +\| met +\|$/m,
    );
    expect(merged).toMatch(
      /^\| \[soak\]\(#soak\) +\| fast +\| new soak +\| met +\|$/m,
    );
    const memory = merged.slice(merged.indexOf('## memory'));
    expect(memory).toContain(
      'Measured 2026-02-02T00:00:00.000Z by `yarn bench --into-doc memory soak`, a partial run',
    );
    expect(merged.indexOf('## soak')).toBeGreaterThan(
      merged.indexOf('## memory'),
    );
    expect(merged.indexOf('## Where the time goes')).toBeGreaterThan(
      merged.indexOf('## soak'),
    );
    // Merging twice keeps one copy of everything.
    const again = mergeIntoPerformanceDoc(merged, {
      machine,
      date: new Date('2026-02-03T00:00:00Z'),
      command: 'yarn bench --into-doc soak',
      results: [result('soak', 'newer soak')],
    });
    expect(again.match(/## Where the time goes/g)).toHaveLength(1);
    expect(again.match(/<a id="soak">/g)).toHaveLength(1);
    expect(again).toContain('newer soak');
    expect(again).toContain('new memory');
  });
});
