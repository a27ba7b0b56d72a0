/**
 * The runs' reports sit under `['preventive-runs']`, which the live topic `service-requests` makes
 * stale: a run that opens a visit opens a request, and the API says so on that topic.
 */
export const preventiveKeys = {
  runs: () => ['preventive-runs'] as const,
};
