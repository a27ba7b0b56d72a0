import { formatDuration } from './format-duration';
import { newRequestPath, newRequestUrl } from './request-link';
import { hoursRuns } from './weekly-hours';

describe('the portal’s words and links', () => {
  it('says service times as people do, in each language', () => {
    expect([45, 60, 90, 240, 1440, 2880].map((m) => formatDuration(m, 'en'))).toEqual([
      '45 min',
      '1 hr',
      '1 hr 30 min',
      '4 hr',
      '1 day',
      '2 days',
    ]);
    expect(formatDuration(1440, 'it')).toBe('1 giorno');
  });

  it('folds weekly hours into runs of days, a closed day breaking the run', () => {
    const h = (from: string, to: string) => [{ from, to }];
    expect(
      hoursRuns([
        { day: 'mon', hours: h('08:00', '18:00') },
        { day: 'tue', hours: h('08:00', '18:00') },
        { day: 'wed', hours: h('08:00', '18:00') },
        { day: 'fri', hours: h('08:00', '18:00') },
        {
          day: 'sat',
          hours: [
            { from: '09:00', to: '12:00' },
            { from: '14:00', to: '16:00' },
          ],
        },
      ]),
    ).toEqual([
      { from: 'mon', to: 'wed', hours: '08:00–18:00' },
      { from: 'fri', to: 'fri', hours: '08:00–18:00' },
      { from: 'sat', to: 'sat', hours: '09:00–12:00, 14:00–16:00' },
    ]);
  });

  it('links a machine’s label to the pre-filled form, escaping its serial', () => {
    expect(newRequestPath('SN-ACME-1')).toBe('/app/portal/new?asset=SN-ACME-1');
    expect(newRequestUrl('SN 1/2', 'https://fs.example.com/')).toBe(
      'https://fs.example.com/app/portal/new?asset=SN+1%2F2',
    );
  });
});
