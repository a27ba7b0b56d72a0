const LEVEL_MARK: Record<string, string> = {
  fatal: 'FATAL',
  error: 'ERROR',
  warn: 'WARN ',
  info: 'info ',
  debug: 'debug',
  verbose: 'trace',
};

interface LogEntry {
  level?: string;
  msg?: string;
  context?: string;
  stack?: unknown;
  error?: { stack?: unknown };
}

/**
 * A child's JSON log line as a short human line (`api    ERROR ProblemDetails: POST /api/…`) for
 * a terminal. An error's stack follows, indented: a 500 is logged once, and the reason it happened
 * is the part someone starting the system needs. A line that is not JSON is passed through.
 */
export function humanLogLine(line: string, source: string): string {
  let entry: LogEntry;
  try {
    entry = JSON.parse(line) as LogEntry;
  } catch {
    return `${source.padEnd(6)} ${line}\n`;
  }
  if (typeof entry !== 'object' || entry === null) return `${source.padEnd(6)} ${line}\n`;
  const level = LEVEL_MARK[entry.level ?? 'info'] ?? entry.level ?? '';
  const head = `${source.padEnd(6)} ${level} ${entry.context ? `${entry.context}: ` : ''}${entry.msg ?? line}\n`;
  const stack = typeof entry.stack === 'string' ? entry.stack : entry.error?.stack;
  if (typeof stack !== 'string' || !stack) return head;
  const indent = ' '.repeat(source.padEnd(6).length + 1);
  return (
    head +
    stack
      .split('\n')
      .map((stackLine) => `${indent}${stackLine}\n`)
      .join('')
  );
}
