// E-mail notifications against a real SMTP server on loopback (the smtp-server package).
import { validPost } from '@resocc/content/testing';
import { DATA_SOURCE, findFreePort } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { MEMBER, MODERATOR, login, type Session } from '@resocc/members/testing';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { createModerationTestApp } from '../testing';
import { DIGEST_WINDOW_MINUTES, NotificationService } from './notification.service';

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

/** Subject and text of a received single-part message (encoded words and quoted-printable decoded). */
function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string): string => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, word: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
  const body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.replace(/=\r?\n/g, ''))
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
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

  /** The author writes and submits a post: it enters the review queue (QUEUE_ITEM for moderators). */
  async function submitted(title: string): Promise<string> {
    const created = await t.gql<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost({ title }) },
      { token: author.accessToken },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createExperiencePost.id as string;
    const res = await t.gql<{ submitExperiencePost: { status: string } }>(
      'mutation($id: ID!) { submitExperiencePost(id: $id) { status } }',
      { id },
      { token: author.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.submitExperiencePost.status).toBe('IN_REVIEW');
    return id;
  }

  async function decide(title: string): Promise<void> {
    const id = await submitted(title);
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

  it('gives a moderator one e-mail per queue item kind and hour, with a fixed subject, and a digest of the rest when the hour has passed', async () => {
    const dataSource = t.app.get<DataSource>(DATA_SOURCE);
    const digests = t.app.get(NotificationService);
    const outboxEmpty = async (): Promise<boolean> =>
      (await dataSource.query(`SELECT count(*)::int AS n FROM email_outbox`))[0].n === 0;
    const moderatorMail = (from: number) =>
      inbox
        .slice(from)
        .filter((m) => m.to.includes(MODERATOR))
        .map((m) => parse(m.raw));
    /** The hour passes: the window of every digest row started an hour and a minute ago. */
    const hourPasses = () =>
      dataSource.query(
        `UPDATE email_digest SET last_sent_at = last_sent_at - make_interval(mins => $1 + 1)`,
        [DIGEST_WINDOW_MINUTES],
      );
    await until(outboxEmpty, 30_000);
    // A fresh window for the test (earlier tests' queue items set it), rows kept: only their
    // lock stands between concurrent notifications.
    await dataSource.query(`UPDATE email_digest SET last_sent_at = NULL, held = '{}'`);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM email_digest`))[0].n).toBeGreaterThan(0);
    const start = inbox.length;

    // A title is chosen by whoever writes: it may read like a subject line.
    const titles = [
      'URGENT : validez ce virement',
      'Marché de voirie 2026',
      'Cantine bio du collège',
      'Fournitures de bureau recyclées',
      'Navettes électriques',
    ];
    const ids: string[] = [];
    // Five submissions at once, in concurrent transactions that all reach the moderators'
    // window rows while another transaction holds them: each must wait its turn.
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT * FROM email_digest WHERE kind = 'QUEUE_ITEM' FOR UPDATE`);
    const all = Promise.all(titles.map((title) => submitted(title)));
    try {
      await until(
        async () =>
          (
            await dataSource.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0].n === titles.length,
      );
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    ids.push(...(await all));
    await until(async () => (await outboxEmpty()) && moderatorMail(start).length >= 1);
    expect(await digests.flushDigests()).toBe(0); // the hour has not passed
    await until(outboxEmpty);
    await new Promise((r) => setTimeout(r, 600)); // a poll of the mailer: nothing else goes out
    const first = moderatorMail(start);
    expect(first).toHaveLength(1);
    expect(first[0].subject).toBe("[RES'OCC] Un contenu attend une relecture");
    const firstTitle = titles.filter((title) => first[0].text.includes(`« ${title} »`));
    expect(firstTitle).toHaveLength(1);

    // In-app notifications are not held: all five are there.
    const moderatorSession = await login(t, MODERATOR);
    const notifications = await t.gql<{
      notifications: { edges: { node: { kind: string; target: { id: string } | null } }[] };
    }>(
      '{ notifications(first: 100) { edges { node { kind target { ... on ExperiencePost { id } } } } } }',
      undefined,
      { token: moderatorSession.accessToken },
    );
    expect(notifications.errors).toBeUndefined();
    const queued = (notifications.data?.notifications.edges ?? [])
      .filter((e) => e.node.kind === 'QUEUE_ITEM')
      .map((e) => e.node.target?.id);
    expect(ids.every((id) => queued.includes(id))).toBe(true);

    // After the hour, the four held ones arrive as one digest (the flush runs every minute).
    await hourPasses();
    expect(await digests.flushDigests()).toBe(2); // the two moderators (ADMIN and MODERATOR)
    await until(async () => (await outboxEmpty()) && moderatorMail(start).length >= 2);
    const digest = moderatorMail(start)[1];
    expect(digest.subject).toBe("[RES'OCC] Des contenus attendent une relecture (récapitulatif)");
    expect(digest.text).toContain('4 notifications depuis le dernier message');
    const listed = titles.filter((title) => digest.text.includes(`« ${title} »`));
    expect(listed).toEqual(titles.filter((title) => title !== firstTitle[0]));

    // The digest opened a new hour: the next item is held, then comes with the first one after it.
    await submitted('Papier recyclé');
    await until(outboxEmpty);
    expect(moderatorMail(start)).toHaveLength(2);
    await hourPasses();
    await submitted('Mobilier de réemploi');
    await until(async () => (await outboxEmpty()) && moderatorMail(start).length >= 3);
    const next = moderatorMail(start);
    expect(next).toHaveLength(3);
    expect(next[2].subject).toBe("[RES'OCC] Des contenus attendent une relecture (récapitulatif)");
    expect(next[2].text).toContain('2 notifications depuis le dernier message');
    expect(next[2].text).toContain('« Papier recyclé »');
    expect(next[2].text).toContain('« Mobilier de réemploi »');
    // Every e-mail to a moderator had a fixed subject, whatever the titles.
    const subjects = new Set(inbox.filter((m) => m.to.includes(MODERATOR)).map((m) => parse(m.raw).subject));
    expect([...subjects].every((subject) => !/virement|voirie|recycl|réemploi/i.test(subject))).toBe(true);
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
