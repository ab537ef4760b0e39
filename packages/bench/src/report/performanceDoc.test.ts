import { renderPerformanceDoc } from './performanceDoc';

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
