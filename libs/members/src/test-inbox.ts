// A real SMTP server on loopback for tests (the smtp-server package), with the decoding a
// test needs: quoted-printable bodies and encoded-word subjects.
import { findFreePort } from '@resocc/core';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function parse(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject, text };
}

/** An SMTP reply the inbox gives instead of accepting a recipient (e.g. 550 or 451). */
export interface Refusal {
  code: number;
  message: string;
}

export class TestInbox {
  readonly messages: ReceivedMail[] = [];
  /** Answers RCPT TO for an address with a refusal instead of accepting it. */
  refuse: ((address: string) => Refusal | null) | null = null;
  /** While set, each message is received but the final reply waits for this promise. */
  hold: Promise<void> | null = null;
  /** Messages whose data arrived and whose reply is being held. */
  held = 0;
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestInbox> {
    const port = await findFreePort();
    let inbox: TestInbox | null = null;
    const received: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const refusal = inbox?.refuse?.(address.address.toLowerCase()) ?? null;
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const accept = (): void => {
            (inbox?.messages ?? received).push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              raw,
              ...parse(raw),
            });
            callback();
          };
          const hold = inbox?.hold;
          if (!inbox || !hold) return accept();
          inbox.held++;
          void hold.then(() => {
            if (inbox) inbox.held--;
            accept();
          });
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    inbox = new TestInbox(server, port);
    inbox.messages.push(...received);
    return inbox;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages to this address so far. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits until this address has received `count` messages matching the subject, and returns the last one. */
  async waitFor(address: string, subject = /./, count = 1, ms = 20_000): Promise<ReceivedMail> {
    const deadline = Date.now() + ms;
    for (;;) {
      const matching = this.to(address).filter((m) => subject.test(m.subject));
      if (matching.length >= count) return matching[count - 1];
      if (Date.now() > deadline) {
        throw new Error(
          `no e-mail #${count} to ${address} matching ${subject}; got: ${JSON.stringify(this.to(address).map((m) => m.subject))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The token of the latest verification link sent to this address (waits for the n-th). */
  async verificationToken(address: string, count = 1): Promise<string> {
    const mail = await this.waitFor(address, /Confirmez votre adresse/, count);
    const match = /\/verification\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no verification link in: ${mail.text}`);
    return match[1];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
