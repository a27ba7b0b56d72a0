import { type ServerSentEvent, ServerSentEventParser } from './server-sent-event-parser';

/**
 * The events of a text/event-stream body. Read through fetch rather than EventSource, which
 * cannot send the Authorization header our API requires.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  // One decoder for the whole stream: a character split across chunks is decoded once complete.
  const decoder = new TextDecoder();
  const parser = new ServerSentEventParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
