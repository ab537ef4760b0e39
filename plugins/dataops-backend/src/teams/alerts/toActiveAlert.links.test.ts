/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { DEFAULT_PRIORITY_MAPPING } from '@dataops-observability/plugin-dataops-common';
import { toActiveAlert } from './toActiveAlert';

describe('toActiveAlert links', () => {
  const convert = (raw: unknown) =>
    toActiveAlert(raw, DEFAULT_PRIORITY_MAPPING);

  it('keeps an http(s) generatorURL and the runbook_url annotation', () => {
    const alert = convert({
      labels: { alertname: 'SparkJobFailing' },
      annotations: { runbook_url: 'https://runbooks.example/spark#failing' },
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up%3D%3D0',
    });
    expect(alert.generatorURL).toBe(
      'http://prometheus.example:9090/graph?g0.expr=up%3D%3D0',
    );
    expect(alert.runbookUrl).toBe('https://runbooks.example/spark#failing');
  });

  it.each([
    'javascript:alert(document.cookie)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '/relative/graph',
    'not a url',
  ])('drops the generatorURL and runbook_url %j', url => {
    const alert = convert({
      labels: { alertname: 'X' },
      annotations: { runbook_url: url },
      generatorURL: url,
    });
    expect(alert).not.toHaveProperty('generatorURL');
    expect(alert).not.toHaveProperty('runbookUrl');
  });

  it('strips credentials from both links', () => {
    const alert = convert({
      annotations: { runbook_url: 'https://bot:hunter2@wiki.example/run' },
      generatorURL: 'https://admin:pw@thanos.example/graph',
    });
    expect(alert.runbookUrl).toBe('https://wiki.example/run');
    expect(alert.generatorURL).toBe('https://thanos.example/graph');
  });

  it('ignores a runbook_url that is not a string', () => {
    const alert = convert({ annotations: { runbook_url: 42 } });
    expect(alert).not.toHaveProperty('runbookUrl');
  });
});
