/** A tiny writer of the Prometheus text exposition format (version 0.0.4). */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export class PrometheusText {
  private readonly lines: string[] = [];
  private readonly declared = new Set<string>();

  /** Declares a metric once (HELP and TYPE), then adds a sample; null values are left out. */
  sample(
    name: string,
    type: 'gauge' | 'counter',
    help: string,
    value: number | null | undefined,
    labels: Labels = {},
  ): this {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`Invalid metric name ${name}`);
    if (!this.declared.has(name)) {
      this.declared.add(name);
      this.lines.push(
        `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
        `# TYPE ${name} ${type}`,
      );
    }
    if (value === null || value === undefined) return this;
    const entries = Object.entries(labels);
    const labelText = entries.length
      ? `{${entries.map(([key, val]) => `${key}="${escapeLabel(val)}"`).join(',')}}`
      : '';
    this.lines.push(`${name}${labelText} ${formatValue(value)}`);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
