import {
  LABEL_HEIGHT_PX,
  layoutThresholdLabels,
  valueAxisWidth,
} from './thresholdLabels';

const format = (v: number) => `${v}%`;

describe('layoutThresholdLabels', () => {
  it('keeps both labels above their lines when the lines are far apart', () => {
    const labels = layoutThresholdLabels({
      thresholds: { direction: 'above', warning: 50, critical: 90 },
      domain: [0, 100],
      plotHeightPx: 160,
      format,
    });
    expect(labels.map(l => [l.text, l.position])).toEqual([
      ['warning 50%', 'insideTopRight'],
      ['critical 90%', 'insideTopRight'],
    ]);
  });

  it('moves the upper label above its line when two thresholds are close (85% and 90%)', () => {
    // 5 units of 100 on 160 px = 8 px apart, less than one label's height.
    const labels = layoutThresholdLabels({
      thresholds: { direction: 'above', warning: 85, critical: 90 },
      domain: [0, 100],
      plotHeightPx: 160,
      format,
    });
    const warning = labels.find(l => l.level === 'warning')!;
    const critical = labels.find(l => l.level === 'critical')!;
    expect(critical.position).toBe('insideBottomRight');
    expect(warning.position).toBe('insideTopRight');
    expect(warning.text).toBe('warning 85%');
    expect(critical.text).toBe('critical 90%');
  });

  it('handles a lower-is-worse threshold pair the same way (critical below warning)', () => {
    const labels = layoutThresholdLabels({
      thresholds: { direction: 'below', warning: 12, critical: 10 },
      domain: [0, 100],
      plotHeightPx: 160,
      format,
    });
    expect(labels.find(l => l.level === 'warning')!.position).toBe(
      'insideBottomRight',
    );
    expect(labels.find(l => l.level === 'critical')!.position).toBe(
      'insideTopRight',
    );
  });

  it('merges the labels when the lines fall on the same pixel row', () => {
    const labels = layoutThresholdLabels({
      thresholds: { direction: 'above', warning: 90, critical: 90 },
      domain: [0, 100],
      plotHeightPx: 160,
      format,
    });
    expect(labels.filter(l => l.text).map(l => l.text)).toEqual([
      'critical 90% · warning 90%',
    ]);
    expect(labels).toHaveLength(2);
  });

  it('treats the label height as the limit', () => {
    const exactlyOneLabelApart = layoutThresholdLabels({
      thresholds: {
        direction: 'above',
        warning: 90 - LABEL_HEIGHT_PX,
        critical: 90,
      },
      domain: [0, 100],
      plotHeightPx: 100,
      format,
    });
    expect(
      exactlyOneLabelApart.every(l => l.position === 'insideTopRight'),
    ).toBe(true);
  });

  it('returns one label or none when fewer thresholds are set', () => {
    expect(
      layoutThresholdLabels({ domain: [0, 1], plotHeightPx: 100, format }),
    ).toEqual([]);
    expect(
      layoutThresholdLabels({
        thresholds: { direction: 'above', critical: 0.5 },
        domain: [0, 1],
        plotHeightPx: 100,
        format,
      }),
    ).toEqual([
      {
        level: 'critical',
        value: 0.5,
        text: 'critical 0.5%',
        position: 'insideTopRight',
      },
    ]);
  });
});

describe('valueAxisWidth', () => {
  it('leaves room for the axis title beyond the longest tick label', () => {
    const width = valueAxisWidth(['0 s', '1.5 min', '12.5 min'], 7);
    // 8 characters of 7 px, then the tick gap and the title's room.
    expect(width).toBeGreaterThanOrEqual(8 * 7 + 30);
    expect(valueAxisWidth(['1', '2'], 7)).toBeLessThan(width);
  });
});
