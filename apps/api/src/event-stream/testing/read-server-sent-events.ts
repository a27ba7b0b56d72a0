/** A message or a comment of a server-sent event stream, as the HTML standard parses them. */
export type ServerSentItem =
  | { kind: 'message'; id: string | undefined; event: string; data: string }
  | { kind: 'comment'; text: string }
  | { kind: 'retry'; ms: number };

/**
 * Parses a `text/event-stream` body line by line: `id`, `event`, `data` (several lines joined),
 * `retry`, and comments, which the desk's helper skips and these tests look for (heartbeats).
 */
export async function* readServerSentEvents(response: Response): AsyncGenerator<ServerSentItem> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let fields: { id?: string; event?: string; data: string[] } = { data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          if (fields.data.length > 0)
            yield {
              kind: 'message',
              id: fields.id,
              event: fields.event ?? 'message',
              data: fields.data.join('\n'),
            };
          fields = { data: [] };
          continue;
        }
        if (line.startsWith(':')) {
          yield { kind: 'comment', text: line.slice(1).trim() };
          continue;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'data') fields.data.push(text);
        else if (name === 'id') fields.id = text;
        else if (name === 'event') fields.event = text;
        else if (name === 'retry') yield { kind: 'retry', ms: Number(text) };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** The messages alone, their data parsed as JSON. */
export async function* messagesOf<T>(
  items: AsyncGenerator<ServerSentItem>,
): AsyncGenerator<{ id: string | undefined; event: string; data: T }> {
  for await (const item of items) {
    if (item.kind === 'message') yield { id: item.id, event: item.event, data: JSON.parse(item.data) as T };
  }
}
