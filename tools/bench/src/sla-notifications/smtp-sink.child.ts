/**
 * The mail server of the sla-notifications benchmark, in its own process as a real one would be:
 * an SMTP server on loopback that accepts every message and reports to its parent, for each, the
 * delivery id it carries (the `X-Fieldstream-Delivery` header the worker's SMTP sender sets, or the
 * raw sends' own) and when its DATA was complete.
 *
 *   (forked by sla-notifications.bench.ts) smtp-sink.child.ts
 */
import { SMTPServer } from 'smtp-server';

export interface MailReceipt {
  deliveryId: string;
  /** Epoch milliseconds (sub-millisecond precision) when the message had been received. */
  at: number;
}

export type SinkMessage = { kind: 'listening'; port: number } | { kind: 'mails'; mails: MailReceipt[] };

const now = () => performance.timeOrigin + performance.now();
const HEADER = /^x-fieldstream-delivery:\s*(\S+)/im;

function main(): void {
  const send = (message: SinkMessage) => process.send?.(message);
  let pending: MailReceipt[] = [];
  const flush = setInterval(() => {
    if (pending.length > 0) send({ kind: 'mails', mails: pending });
    pending = [];
  }, 20);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A loopback client: no DNS to ask (a reverse lookup per connection would be most of the time).
    disableReverseLookup: true,
    // Many short connections: the worker's sender opens one per message.
    maxClients: 1000,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const at = now();
        const head = Buffer.concat(chunks).toString('utf8', 0, 8192);
        const deliveryId = HEADER.exec(head)?.[1];
        if (deliveryId) pending.push({ deliveryId, at });
        done();
      });
    },
  });
  server.on('error', (error) => process.stderr.write(`smtp sink: ${error.message}\n`));
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    if (address === null || typeof address === 'string') throw new Error('the SMTP sink has no port');
    send({ kind: 'listening', port: address.port });
  });
  process.on('disconnect', () => {
    clearInterval(flush);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  });
}

main();
