/** The slice of a logger the projection code uses; Nest's `Logger` and `console` both fit. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: ProjectionLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
