import {
  formatCount,
  formatMarkdownTable,
  formatMiB,
  formatMs,
  formatRatio,
  formatResultForTerminal,
  formatTextTable,
} from './format';

describe('number formats', () => {
  it('gives milliseconds more decimals the smaller they are', () => {
    expect(formatMs(0.4234)).toBe('0.42 ms');
    expect(formatMs(4.26)).toBe('4.3 ms');
    expect(formatMs(312.4)).toBe('312 ms');
    expect(formatMs(NaN)).toBe('n/a');
  });

  it('formats sizes, ratios and counts', () => {
    expect(formatMiB(150 * 1024 * 1024)).toBe('150.0 MiB');
    expect(formatRatio(1.0449)).toBe('1.04x');
    expect(formatRatio(Infinity)).toBe('n/a');
    expect(formatCount(12345.67)).toBe('12,345.7');
  });
});

describe('tables', () => {
  const columns = ['case', 'p99'];
  const rows = [
    { case: 'summary a|b', p99: '4.2 ms' },
    { case: 'metrics', p99: 1200 },
  ];

  it('pads text columns to the widest cell', () => {
    expect(formatTextTable(columns, rows)).toBe(
      [
        'case         p99',
        '-----------  ------',
        'summary a|b  4.2 ms',
        'metrics      1,200',
      ].join('\n'),
    );
  });

  it('escapes pipes in Markdown cells and pads columns as Prettier does', () => {
    expect(formatMarkdownTable(columns, rows)).toBe(
      [
        '| case         | p99    |',
        '| ------------ | ------ |',
        '| summary a\\|b | 4.2 ms |',
        '| metrics      | 1,200  |',
      ].join('\n'),
    );
  });

  it('prints a scenario with its goal, verdict and notes', () => {
    const text = formatResultForTerminal({
      id: 'cost',
      title: 'Cost per page view',
      goal: '0 warm calls',
      columns,
      rows,
      verdict: 'missed',
      notes: ['one note'],
    });
    expect(text.split('\n').slice(0, 2)).toEqual([
      '== cost: Cost per page view',
      'goal: 0 warm calls -> MISSED',
    ]);
    expect(text.endsWith('* one note')).toBe(true);
  });
});
