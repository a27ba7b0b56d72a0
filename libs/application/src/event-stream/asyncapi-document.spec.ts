import Ajv from 'ajv';
import { EVENT_CATALOGUE, publishedEventTypes } from './event-catalogue';
import { asyncApiMessageName, buildAsyncApiDocument } from './asyncapi-document';

type Json = Record<string, unknown>;
const document = buildAsyncApiDocument();

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsIn(item),
  );
}

function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) => (node !== null && typeof node === 'object' ? (node as Json)[token] : undefined),
      document,
    );
}

/** A JSON Schema validator over the document itself, so payloads' `$ref`s resolve as published. */
function validatorOf(messageName: string) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document as unknown as Json, 'asyncapi');
  return ajv.getSchema(`asyncapi#/components/messages/${messageName}/payload`)!;
}

describe('the AsyncAPI document of the event stream', () => {
  it('is AsyncAPI 3.0.0, versioned like the catalogue, plain JSON, every $ref resolving', () => {
    expect(document).toMatchObject({
      asyncapi: '3.0.0',
      info: { title: 'Fieldstream event stream', version: '1.0.0' },
      defaultContentType: 'application/cloudevents+json',
    });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(300);
    expect(refs.filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined)).toEqual([]);
    // zod put no local definitions that a component's reference would miss.
    expect(JSON.stringify(document)).not.toMatch(/#\/(\$defs|definitions)/);
  });

  it('has a message per published type, named by its CloudEvents type, with its payload schema', () => {
    const types = publishedEventTypes();
    expect(Object.keys(document.components.messages)).toHaveLength(types.length);
    for (const type of types) {
      const name = asyncApiMessageName(type);
      expect(document.components.messages[name]).toMatchObject({
        name: type.cloudEventType,
        summary: type.summary,
        contentType: 'application/cloudevents+json',
      });
      expect(document.components.schemas[`${name}Data`]).toMatchObject({ type: 'object' });
    }
    expect(document.components.schemas['ServiceRequestOpenedV1Data']).toMatchObject({
      required: expect.arrayContaining(['requestId', 'at', 'customerCode', 'siteCode', 'priority']),
    });
    // Open objects: a field added without a new version must not break a validating consumer.
    expect(JSON.stringify(document.components.schemas)).not.toContain('"additionalProperties":false');
  });

  it('has a channel for the whole stream and one per category, each operation receiving its channel’s messages', () => {
    expect(Object.keys(document.channels)).toEqual([
      'events',
      ...EVENT_CATALOGUE.map((category) => category.name),
    ]);
    expect(document.channels['events']!['address']).toBe('/api/events/stream');
    expect(document.channels['stock']!['address']).toBe('/api/events/stream?category=stock');
    expect(Object.keys(document.channels['stock']!['messages'] as Json)).toEqual([
      'StockReceivedV1',
      'StockIssuedV1',
      'StockReservedV1',
      'StockReservationReleasedV1',
      'StockCountedV1',
      'StockTransferredOutV1',
      'StockTransferredInV1',
    ]);
    for (const [key, operation] of Object.entries(document.operations)) {
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(operation).toMatchObject({ action: 'receive' });
      const channel = (operation['channel'] as { $ref: string }).$ref;
      for (const message of operation['messages'] as { $ref: string }[])
        expect(message.$ref.startsWith(`${channel}/messages/`)).toBe(true);
    }
  });

  it('validates its own examples, and refuses an event of another type or with its payload broken', () => {
    for (const type of publishedEventTypes().filter((entry) => entry.example !== undefined)) {
      const name = asyncApiMessageName(type);
      const validate = validatorOf(name);
      const example = (document.components.messages[name]!['examples'] as { payload: Json }[])[0]!.payload;
      expect([name, validate(example), validate.errors ?? null]).toEqual([name, true, null]);
    }
    const validate = validatorOf('ServiceRequestOpenedV1');
    const example = (
      document.components.messages['ServiceRequestOpenedV1']!['examples'] as { payload: Json }[]
    )[0]!.payload;
    expect(validate({ ...example, type: 'io.fieldstream.service-request.closed.v1' })).toBe(false);
    const { customerCode: _dropped, ...data } = example['data'] as Json;
    expect(validate({ ...example, data })).toBe(false);
    expect(validate({ ...example, data: { ...(example['data'] as Json), unknownField: 1 } })).toBe(true);
  });
});
