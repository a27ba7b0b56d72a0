import type { LoggerService } from '@nestjs/common';
import { LOG_LEVELS, type LogLevel } from '../config/environment-variables';

type Sink = (line: string) => void;

/**
 * Structured logs: one JSON object per line on stdout, so a container runtime or a log shipper
 * can index them without parsing prose. Nest's own messages go through here too.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: LogLevel = 'info',
    private readonly sink: Sink = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.threshold = LOG_LEVELS.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  isEnabled(level: LogLevel): boolean {
    return LOG_LEVELS.indexOf(level) <= this.threshold;
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.isEnabled(level)) return;
    // Nest passes the context as the last string argument, and for errors a stack before it.
    const extras = [...rest];
    const context = typeof extras[extras.length - 1] === 'string' ? (extras.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, service: this.service };
    if (context) entry['context'] = context;
    if (message instanceof Error) {
      entry['msg'] = message.message;
      entry['error'] = { name: message.name, stack: message.stack };
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry['msg'] = String(message);
    }
    for (const extra of extras) {
      if (typeof extra === 'string' && level === 'error') entry['stack'] = extra;
      else if (extra instanceof Error)
        entry['error'] = { name: extra.name, message: extra.message, stack: extra.stack };
      else if (typeof extra === 'object' && extra !== null) Object.assign(entry, extra);
    }
    this.sink(JSON.stringify(entry));
  }
}
