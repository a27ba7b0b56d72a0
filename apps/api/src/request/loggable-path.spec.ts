import { loggablePath } from './loggable-path';

describe('loggablePath', () => {
  it("drops a calendar feed's secret and keeps everything else", () => {
    const id = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';
    expect(loggablePath(`/api/calendar-feeds/fscal_${id}_${'A-b_9'.repeat(8)}xyz.ics?x=1`)).toBe(
      `/api/calendar-feeds/fscal_${id}_[secret].ics?x=1`,
    );
    expect(loggablePath('/api/service-requests?status=open')).toBe('/api/service-requests?status=open');
  });
});
