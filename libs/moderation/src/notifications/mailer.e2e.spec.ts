// E-mail notifications against a real SMTP server on loopback (the smtp-server package).
import { validPost } from '@resocc/content/testing';
import { DATA_SOURCE, findFreePort } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { MEMBER, MODERATOR, login, type Session } from '@resocc/members/testing';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { createModerationTestApp } from '../testing';

interface Received {
  to: string[];
  raw: string;
}

function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const stopSmtp = (server: SMTPServer): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('e-mail notifications', () => {
  const inbox: Received[] = [];
  let port: number;
  let server: SMTPServer;
  let t: TestApp;
  let author: Session;
  let moderator: Session;

  async function decide(title: string): Promise<void> {
    const created = await t.gql<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost({ title }) },
      { token: author.accessToken },
    );
    const id = created.data?.createExperiencePost.id;
    await t.gql(
      'mutation($id: ID!) { submitExperiencePost(id: $id) { status } }',
      { id },
      { token: author.accessToken },
    );
    const decided = await t.gql(
      'mutation($id: ID!) { moderateContent(targetId: $id, action: REJECT, reason: "Doublon d’un retour existant.") { id } }',
      { id },
      {
        token: moderator.accessToken,
      },
    );
    expect(decided.errors).toBeUndefined();
  }

  beforeAll(async () => {
    port = await findFreePort();
    server = await startSmtp(port, inbox);
    t = await createModerationTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    author = await login(t, MEMBER);
    moderator = await login(t, MODERATOR);
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(server).catch(() => undefined);
  });

  it('sends the author the decision and its reason by e-mail, after the decision', async () => {
    await decide('Marché de nettoyage des vitres');
    await until(() => inbox.some((m) => m.to.includes(MEMBER)));
    const mail = inbox.find((m) => m.to.includes(MEMBER));
    expect(mail?.raw).toMatch(/Subject: =\?UTF-8\?|Subject: \[RES'OCC\]/);
    expect(mail?.raw.replace(/=\r?\n/g, '')).toContain('vitres');
    // moderators were told about the queue item too
    expect(inbox.some((m) => m.to.includes(MODERATOR))).toBe(true);
  });

  it('never fails or delays a decision while the SMTP server is down, and delivers once it is back', async () => {
    await stopSmtp(server);
    const before = inbox.length;
    const started = Date.now();
    await decide('Marché de collecte des biodéchets');
    const decisionMs = Date.now() - started;
    const dataSource = t.app.get<DataSource>(DATA_SOURCE);
    await until(
      async () =>
        (await dataSource.query(`SELECT count(*)::int AS n FROM email_outbox WHERE attempts > 0`))[0].n > 0,
    );
    expect(inbox.length).toBe(before);
    server = await startSmtp(port, inbox);
    await until(
      () =>
        inbox.some(
          (m, i) => i >= before && m.to.includes(MEMBER) && m.raw.replace(/=\r?\n/g, '').includes('biod'),
        ),
      30_000,
    );
    await until(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM email_outbox`))[0].n === 0,
      30_000,
    );
    console.log(`decision answered in ${decisionMs} ms while SMTP was down`);
  });
});
