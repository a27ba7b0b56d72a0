import { PrometheusText } from './prometheus-text';

describe('PrometheusText', () => {
  it('writes HELP and TYPE once per metric, then labelled samples, escaping label values', () => {
    const text = new PrometheusText()
      .sample('fs_lag', 'gauge', 'Lag', 3, { projection: 'a' })
      .sample('fs_lag', 'gauge', 'Lag', 0, { projection: 'say "hi"\\' })
      .sample('fs_up', 'gauge', 'Up', 1)
      .sample('fs_unknown', 'gauge', 'Unknown', null)
      .toString();
    expect(text).toBe(
      [
        '# HELP fs_lag Lag',
        '# TYPE fs_lag gauge',
        'fs_lag{projection="a"} 3',
        'fs_lag{projection="say \\"hi\\"\\\\"} 0',
        '# HELP fs_up Up',
        '# TYPE fs_up gauge',
        'fs_up 1',
        '# HELP fs_unknown Unknown',
        '# TYPE fs_unknown gauge',
        '',
      ].join('\n'),
    );
  });

  it('refuses an invalid metric name', () => {
    expect(() => new PrometheusText().sample('bad-name', 'gauge', 'x', 1)).toThrow(/Invalid metric name/);
  });
});
