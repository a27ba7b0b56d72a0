/** Reads server-sent events from a fetch body, as the desk does (EventSource cannot send a token). */
export async function* serverSentEvents(
  response: Response,
): AsyncGenerator<{ event: string; data: unknown }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      yield { event, data: data ? JSON.parse(data) : undefined };
    }
  }
}

/** The next `changed` notice's topics, sorted (pings skipped). */
export async function nextTopics(
  events: AsyncGenerator<{ event: string; data: unknown }>,
): Promise<string[]> {
  for (;;) {
    const { value, done } = await events.next();
    if (done) throw new Error('The event stream ended');
    if (value.event === 'changed') return [...(value.data as { topics: string[] }).topics].sort();
  }
}

/**
 * Every topic heard until all of `wanted` were (a command writing to several streams may be told
 * in one notice or in two, depending on where the gathering window falls).
 */
export async function topicsUntil(
  events: AsyncGenerator<{ event: string; data: unknown }>,
  wanted: readonly string[],
): Promise<string[]> {
  const heard = new Set<string>();
  while (!wanted.every((topic) => heard.has(topic))) {
    for (const topic of await nextTopics(events)) heard.add(topic);
  }
  return [...heard].sort();
}
