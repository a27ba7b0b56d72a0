import {
  DEVICE_EVENT_TYPES,
  ESCALATION_EVENT_TYPES,
  MASTER_DATA_KINDS,
  SERVICE_REQUEST_EVENT_TYPES,
  SLA_EVENT_TYPES,
  STOCK_EVENT_TYPES,
  TECHNICIAN_SCHEDULE_EVENT_TYPES,
  deliveryStreamName,
  deviceStreamName,
  escalationStreamName,
  inboxStreamName,
  masterDataEventTypes,
  meterStreamName,
  notificationEndpointsStreamName,
  serviceLevelStreamName,
  serviceRequestStreamName,
  webhookSubscriptionStreamName,
} from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import {
  apiKeyStreamName,
  masterDataStreamName,
  stockStreamName,
  technicianScheduleStreamName,
  userStreamName,
} from '../commands/stream-names';
import { FieldValidationError } from '../errors';
import { importStreamName } from '../import/import-events';
import { preventiveRunsStream } from '../preventive/preventive-planner.service';
import {
  EVENT_CATALOGUE,
  NEVER_PUBLISHED_STREAM_PREFIXES,
  publishedEventTypes,
  publishedTypeOf,
} from './event-catalogue';
import { selectEvents } from './event-selection';
import { isStreamOf } from './published-event-type';

function recorded(streamName: string, type: string): RecordedEvent {
  return {
    id: '3f0e2d1c-4b5a-4697-8a8b-9c0d1e2f3a4b',
    type,
    data: {},
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'u',
      actorRole: 'admin',
      occurredAt: '2026-12-01T08:00:00.000Z',
    },
    streamName,
    revision: 0,
    position: 1,
    recordedAt: '2026-12-01T08:00:00.000Z',
  };
}

const types = publishedEventTypes();
const storedTypes = types.map((type) => type.storedType);

describe('the published event catalogue', () => {
  it('publishes every event of the published aggregates, each once', () => {
    const expected = [
      ...SERVICE_REQUEST_EVENT_TYPES,
      ...SLA_EVENT_TYPES,
      ...ESCALATION_EVENT_TYPES,
      ...TECHNICIAN_SCHEDULE_EVENT_TYPES,
      ...STOCK_EVENT_TYPES,
      'MeterReadingRecorded',
      'PreventiveRunCompleted',
      ...masterDataEventTypes(MASTER_DATA_KINDS.map((kind) => kind.name)),
      ...DEVICE_EVENT_TYPES,
    ];
    expect([...storedTypes].sort()).toEqual([...expected].sort());
    expect(new Set(types.map((type) => type.cloudEventType)).size).toBe(types.length);
  });

  it('names CloudEvents types io.fieldstream.<entity>.<fact>.v<version>, in kebab-case', () => {
    for (const type of types) {
      expect(type.cloudEventType).toMatch(
        /^io\.fieldstream\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/,
      );
      expect(type.cloudEventType).toBe(`io.fieldstream.${type.entity}.${type.fact}.v${type.version}`);
    }
    const byStored = new Map(types.map((type) => [type.storedType, type.cloudEventType]));
    expect(byStored.get('ServiceRequestOpened')).toBe('io.fieldstream.service-request.opened.v1');
    expect(byStored.get('ServiceRequestTechniciansAssigned')).toBe(
      'io.fieldstream.service-request.technicians-assigned.v1',
    );
    expect(byStored.get('SlaClocksStarted')).toBe('io.fieldstream.service-level.clocks-started.v1');
    expect(byStored.get('EscalationLevelAlerted')).toBe('io.fieldstream.escalation.level-alerted.v1');
    expect(byStored.get('AppointmentMoved')).toBe('io.fieldstream.appointment.moved.v1');
    expect(byStored.get('StockReservationReleased')).toBe('io.fieldstream.stock.reservation-released.v1');
    expect(byStored.get('MeterReadingRecorded')).toBe('io.fieldstream.asset-meter.reading-recorded.v1');
    expect(byStored.get('ProfessionalRoleChanged')).toBe('io.fieldstream.professional-role.changed.v1');
    expect(byStored.get('EscalationChainRegistered')).toBe('io.fieldstream.escalation-chain.registered.v1');
    expect(byStored.get('DeviceAnomalyRaised')).toBe('io.fieldstream.device.anomaly-raised.v1');
    expect(byStored.get('DeviceWentSilent')).toBe('io.fieldstream.device.went-silent.v1');
  });

  it("reads each type from the streams the code writes it to, and from no other stream's", () => {
    const id = 'f1d2c3b4-a5e6-4f70-8a91-b2c3d4e5f607';
    const written: [stream: string, type: string][] = [
      [serviceRequestStreamName(id), 'ServiceRequestOpened'],
      [serviceLevelStreamName(id), 'SlaBreached'],
      [escalationStreamName(id), 'EscalationAcknowledged'],
      [technicianScheduleStreamName('T-MI-1', '2026-W49'), 'AppointmentReserved'],
      [stockStreamName('VAN-T-MI-1'), 'StockIssued'],
      [meterStreamName('SN-ACME-1'), 'MeterReadingRecorded'],
      [preventiveRunsStream('2026-12-01T02:00:00.000Z'), 'PreventiveRunCompleted'],
      [deviceStreamName('SN-ACME-1'), 'DeviceAnomalyRaised'],
      [deviceStreamName('SN-ACME-1'), 'DeviceRequestLinked'],
      ...MASTER_DATA_KINDS.map(
        (kind) =>
          [
            masterDataStreamName(kind.name, 'X-1'),
            types.find((type) => type.entity === kind.name)!.storedType,
          ] as [string, string],
      ),
    ];
    for (const [stream, type] of written)
      expect([stream, publishedTypeOf(recorded(stream, type))?.storedType]).toEqual([stream, type]);
    // The same type names written to other streams are not the published events.
    expect(publishedTypeOf(recorded(stockStreamName('WH-MI'), 'ServiceRequestOpened'))).toBeUndefined();
    expect(publishedTypeOf(recorded(`service-requests-${id}`, 'ServiceRequestOpened'))).toBeUndefined();
    expect(publishedTypeOf(recorded(serviceRequestStreamName(id), 'SomethingElse'))).toBeUndefined();
    // A technician's schedule starts like a technician's stream, whose id is a UUID.
    const schedule = technicianScheduleStreamName('T-MI-1', '2026-W49');
    expect(publishedTypeOf(recorded(schedule, 'TechnicianRegistered'))).toBeUndefined();
    expect(
      publishedTypeOf(recorded(masterDataStreamName('technician', 'T-MI-1'), 'AppointmentReserved')),
    ).toBeUndefined();
  });

  it('never publishes accounts, keys, notification endpoints, inboxes, deliveries, imports, calendar feeds or webhook subscriptions', () => {
    const secretStreams = [
      userStreamName('u-1'),
      apiKeyStreamName('k-1'),
      notificationEndpointsStreamName('u-1'),
      inboxStreamName('u-1'),
      deliveryStreamName('d-1'),
      importStreamName('i-1'),
      'calendar-feeds-u-1',
      webhookSubscriptionStreamName('5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a'),
    ];
    for (const stream of secretStreams) {
      expect(NEVER_PUBLISHED_STREAM_PREFIXES.some((prefix) => stream.startsWith(prefix))).toBe(true);
      // Whatever type they hold, even a published one.
      for (const type of [...storedTypes, 'UserRegistered', 'ApiKeyIssued', 'NotificationReceived'])
        expect(publishedTypeOf(recorded(stream, type))).toBeUndefined();
      // Nor is any of them a stream of a published type (`calendar-feeds-u-1` starts like a
      // calendar's stream, but a calendar's is `calendar-<uuid>`).
      expect(types.filter((type) => isStreamOf(type, stream))).toEqual([]);
    }
    // Nor are the types of those streams catalogued anywhere.
    for (const secretType of ['UserRegistered', 'UserPasswordChanged', 'ApiKeyIssued', 'ImportStarted'])
      expect(storedTypes).not.toContain(secretType);
    expect(
      storedTypes.filter((type) => /^(Notification|Inbox|Push|Webhook|User|ApiKey|CalendarFeed)/.test(type)),
    ).toEqual(masterDataEventTypes(['notification-rule']));
  });

  it('documents every payload with an example it reads whole (nothing undocumented stripped)', () => {
    for (const type of types.filter((entry) => entry.example !== undefined)) {
      expect([type.storedType, type.payload.parse(type.example)]).toEqual([type.storedType, type.example]);
    }
    expect(types.filter((entry) => entry.example === undefined).map((entry) => entry.category)).toEqual(
      types.filter((entry) => entry.category === 'master-data').map(() => 'master-data'),
    );
  });

  it('gives each category its source and streams', () => {
    expect(EVENT_CATALOGUE.map((category) => [category.name, category.source])).toEqual([
      ['service-requests', '/fieldstream/service-requests'],
      ['service-levels', '/fieldstream/service-levels'],
      ['escalations', '/fieldstream/escalations'],
      ['appointments', '/fieldstream/appointments'],
      ['stock', '/fieldstream/stock'],
      ['preventive', '/fieldstream/preventive'],
      ['master-data', '/fieldstream/master-data'],
      ['devices', '/fieldstream/devices'],
    ]);
    // Letters and dashes: safe in a store's range filter and, unescaped, in a JSON Schema pattern.
    for (const type of types) expect(type.streamPrefix).toMatch(/^[a-z][a-z-]*-$/);
    expect(EVENT_CATALOGUE.find((category) => category.name === 'preventive')!.streamPrefixes).toEqual([
      'asset-meters-',
      'preventive-runs-',
    ]);
  });
});

describe('selectEvents', () => {
  it('narrows to a category and to CloudEvents types within it', () => {
    const stock = selectEvents('stock');
    // A whole category by its streams; its types are picked from what they hold.
    expect(stock.streamPrefixes).toEqual(['stock-']);
    expect(stock.eventTypes).toBeUndefined();
    expect(stock.pick(recorded(stockStreamName('WH-MI'), 'StockCounted'))?.category).toBe('stock');
    expect(stock.pick(recorded(stockStreamName('WH-MI'), 'StockTeleported'))).toBeUndefined();
    const two = selectEvents('service-requests', [
      'io.fieldstream.service-request.opened.v1',
      'io.fieldstream.service-request.closed.v1',
    ]);
    expect(two.eventTypes).toEqual(['ServiceRequestOpened', 'ServiceRequestClosed']);
    expect(two.pick(recorded('service-request-1', 'ServiceRequestOpened'))?.fact).toBe('opened');
    expect(two.pick(recorded('service-request-1', 'ServiceRequestAccepted'))).toBeUndefined();
    // Types across categories, without naming one.
    expect(
      selectEvents(undefined, [
        'io.fieldstream.stock.received.v1',
        'io.fieldstream.customer.changed.v1',
      ]).streamPrefixes.sort(),
    ).toEqual(['customer-', 'stock-']);
  });

  it('refuses a type that is not published, or not of the category asked for, naming types', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('not refused');
    };
    const unknown = refusal(() => selectEvents(undefined, ['io.fieldstream.user.registered.v1']));
    expect(unknown).toBeInstanceOf(FieldValidationError);
    expect((unknown as FieldValidationError).issues).toEqual([
      expect.objectContaining({ field: 'types', code: 'unknown_type' }),
    ]);
    const elsewhere = refusal(() => selectEvents('stock', ['io.fieldstream.service-request.opened.v1']));
    expect((elsewhere as FieldValidationError).issues).toEqual([
      expect.objectContaining({ field: 'types', code: 'not_in_category' }),
    ]);
  });
});
