import { DEFAULT_PANELS } from './defaultPanels';
import { resolvePanels } from './resolvePanels';

describe('resolvePanels', () => {
  it('uses the defaults without overrides and none for unknown types', () => {
    expect(resolvePanels('spark-job', {})).toBe(DEFAULT_PANELS['spark-job']);
    expect(resolvePanels('website', {})).toEqual([]);
  });

  it('replaces the list, adjusting defaults named by id and adding new panels', () => {
    const panels = resolvePanels('spark-job', {
      'spark-job': [
        {
          id: 'failed-job-rate',
          thresholds: { direction: 'above', critical: 3 },
        },
        { id: 'running-pods' },
        { id: 'lag', query: 'sum(kafka_consumergroup_lag)', unit: 'messages' },
      ],
    });
    expect(panels.map(p => p.id)).toEqual([
      'failed-job-rate',
      'running-pods',
      'lag',
    ]);
    expect(panels[0].query).toBe(DEFAULT_PANELS['spark-job'][1].query);
    expect(panels[0].thresholds).toEqual({ direction: 'above', critical: 3 });
    expect(panels[1].fallbackQuery).toBe('count(up == 1)');
    expect(panels[2]).toMatchObject({ title: 'lag', unit: 'messages' });
  });

  it('rejects a panel with neither query nor default', () => {
    expect(() =>
      resolvePanels('spark-job', { 'spark-job': [{ id: 'nope' }] }),
    ).toThrow(/'nope': no query and no default panel/);
  });
});
