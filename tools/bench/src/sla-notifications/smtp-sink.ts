import { type Child, forkChild } from './child-process';
import type { SinkMessage } from './smtp-sink.child';

/** The SMTP sink process (smtp-sink.child.ts) and what it reported: delivery id → received at. */
export class SmtpSink {
  private constructor(
    private readonly child: Child<SinkMessage>,
    readonly port: number,
    readonly mails: ReadonlyMap<string, number>,
  ) {}

  static async start(): Promise<SmtpSink> {
    const mails = new Map<string, number>();
    const child = forkChild<SinkMessage>('smtp-sink.child.ts', [], (message) => {
      if (message.kind === 'mails') for (const mail of message.mails) mails.set(mail.deliveryId, mail.at);
    });
    try {
      const port = await child.waitFor((m) => (m.kind === 'listening' ? m.port : undefined), 'port', 30_000);
      return new SmtpSink(child, port, mails);
    } catch (error) {
      await child.stop();
      throw error;
    }
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}
