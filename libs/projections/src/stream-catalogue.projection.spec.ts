import { foldProjection } from './fold-projection';
import {
  STREAM_CATALOGUE_COLLECTION,
  categoryOf,
  streamCatalogueProjection,
} from './stream-catalogue.projection';
import { recordedLog } from './testing/recorded-event.factory';

describe('stream-catalogue projection', () => {
  const catalogue = (events: ReturnType<typeof recordedLog>) =>
    foldProjection(streamCatalogueProjection, events).get(STREAM_CATALOGUE_COLLECTION) ?? new Map();

  it('keeps one document per stream with counts, first and last events', () => {
    const log = recordedLog([
      { stream: 'service-request-42', type: 'ServiceRequestOpened' },
      { stream: 'technician-7', type: 'TechnicianHired' },
      { stream: 'service-request-42', type: 'TechnicianAssigned' },
      { stream: 'service-request-42', type: 'ServiceRequestClosed' },
    ]);
    const documents = catalogue(log);
    expect(documents.size).toBe(2);
    expect(documents.get('service-request-42')).toEqual({
      _id: 'service-request-42',
      category: 'service-request',
      lastRevision: 2,
      eventCount: 3,
      firstEventType: 'ServiceRequestOpened',
      firstEventAt: log[0]?.recordedAt,
      lastEventType: 'ServiceRequestClosed',
      lastEventAt: log[3]?.recordedAt,
      lastPosition: 4,
    });
    expect(documents.get('technician-7')).toMatchObject({
      category: 'technician',
      eventCount: 1,
      lastPosition: 2,
    });
  });

  it('ignores a redelivered event instead of counting it twice', () => {
    const log = recordedLog([
      { stream: 'contract-1', type: 'ContractSigned' },
      { stream: 'contract-1', type: 'ContractRenewed' },
    ]);
    const once = catalogue(log);
    const twice = catalogue([...log, ...log]);
    expect(twice).toEqual(once);
    expect(twice.get('contract-1')).toMatchObject({ eventCount: 2, lastRevision: 1 });
  });

  it('gives the same documents however the log is cut into batches', () => {
    const log = recordedLog(
      Array.from({ length: 30 }, (_, i) => ({
        stream: `site-${i % 4}`,
        type: i % 2 ? 'SiteMoved' : 'SiteOpened',
      })),
    );
    const whole = foldProjection(streamCatalogueProjection, log);
    const inParts = foldProjection(
      streamCatalogueProjection,
      log.slice(17),
      foldProjection(streamCatalogueProjection, log.slice(0, 17)),
    );
    expect(inParts).toEqual(whole);
  });

  it.each([
    ['service-request-42', 'service-request'],
    ['service-request-0b8e2a52-8c53-4a0b-9a3e-1f2d3c4b5a69', 'service-request'],
    ['technicianSchedule-t1', 'technicianSchedule'],
    ['device-reading-abc:def', 'device-reading'],
  ])('reads the category of %s as %s', (stream, category) => {
    expect(categoryOf(stream)).toBe(category);
  });

  it('declares an index per browsing order', () => {
    const indexes = streamCatalogueProjection.collections[STREAM_CATALOGUE_COLLECTION].indexes ?? [];
    expect(indexes.map((index) => index.keys)).toEqual([
      { category: 1, lastPosition: -1 },
      { lastEventAt: -1 },
    ]);
  });
});
