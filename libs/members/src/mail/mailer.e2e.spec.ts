// The mailer against a real SMTP server on loopback: claim and commit, then send, then mark
// sent. No transaction stays open while the SMTP server is talked to; an e-mail whose claim
// was lost after sending is sent again with the same Message-ID; a permanent refusal sets
// the e-mail aside and a temporary one is retried.
import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { MEMBER, TestInbox, createMembersTestApp } from '../testing';
import { EmailOutbox } from './email-outbox';
import { Mailer } from './mailer';

interface OutboxState {
  id: string;
  attempts: number;
  claim_token: string | null;
  failed: boolean;
  waiting: boolean;
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mailer', () => {
  let t: TestApp;
  let inbox: TestInbox;
  let dataSource: DataSource;
  let userId: string;

  beforeAll(async () => {
    inbox = await TestInbox.start();
    t = await createMembersTestApp({ env: { SMTP_URL: inbox.smtpUrl, WEB_URL: 'https://achats.example.fr' } });
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    [{ id: userId }] = await dataSource.query(`SELECT id FROM user_account WHERE email = $1`, [MEMBER]);
  });
  afterEach(() => {
    inbox.refuse = null;
    inbox.hold = null;
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  /** Queues one e-mail as a service would (in a committed transaction); returns its id. */
  async function queue(recipient: string, subject: string): Promise<string> {
    await dataSource.transaction((m) =>
      t.app.get(EmailOutbox).enqueue(m, [{ userId, recipient, subject, text: `Bonjour, ${subject}.` }]),
    );
    const [{ id }] = await dataSource.query(`SELECT id FROM email_outbox WHERE subject = $1`, [subject]);
    return id;
  }

  async function state(id: string): Promise<OutboxState | undefined> {
    const [row] = await dataSource.query(
      `SELECT id, attempts, claim_token, failed_at IS NOT NULL AS failed, available_at > now() AS waiting
       FROM email_outbox WHERE id = $1`,
      [id],
    );
    return row;
  }

  it('sends each e-mail once with a Message-ID made from its id, then removes it from the queue', async () => {
    const id = await queue('premier@montpellier.example', 'Premier envoi');
    const mail = await inbox.waitFor('premier@montpellier.example', /Premier envoi/);
    expect(mail.raw).toMatch(new RegExp(`^Message-ID: <${id}@achats\\.example\\.fr>`, 'im'));
    expect(mail.text).toContain('Bonjour, Premier envoi.');
    await until(async () => ((await state(id)) ? undefined : true), 'the sent e-mail to leave the queue');
    expect(inbox.to('premier@montpellier.example')).toHaveLength(1);
  });

  it('holds no database transaction while the SMTP server takes its time', async () => {
    let release = (): void => undefined;
    inbox.hold = new Promise<void>((r) => (release = r));
    const id = await queue('lent@montpellier.example', 'Serveur lent');
    await until(() => (inbox.held > 0 ? true : undefined), 'the SMTP server to hold the message');
    // No session sits in a transaction, and the claim is committed (another connection sees it).
    const [{ idle }] = await dataSource.query(
      `SELECT count(*)::int AS idle FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(idle).toBe(0);
    const claimed = await state(id);
    expect(claimed?.claim_token).not.toBeNull();
    release();
    await inbox.waitFor('lent@montpellier.example', /Serveur lent/);
    await until(async () => ((await state(id)) ? undefined : true), 'the sent e-mail to leave the queue');
  });

  it('sends again, with the same Message-ID, an e-mail whose claim was lost before it was marked sent', async () => {
    let release = (): void => undefined;
    inbox.hold = new Promise<void>((r) => (release = r));
    const id = await queue('double@montpellier.example', 'Envoi interrompu');
    await until(() => (inbox.held > 0 ? true : undefined), 'the SMTP server to hold the message');
    // As if the sending process had stalled past its lease and another had taken the claim over.
    await dataSource.query(
      `UPDATE email_outbox SET claim_token = gen_random_uuid(), claimed_until = now() - interval '1 second'
       WHERE id = $1`,
      [id],
    );
    inbox.hold = null;
    release();
    const copies = await until(
      () => (inbox.to('double@montpellier.example').length >= 2 ? inbox.to('double@montpellier.example') : undefined),
      'the e-mail to be sent a second time',
    );
    const ids = copies.map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1]?.trim());
    expect(ids).toEqual([`<${id}@achats.example.fr>`, `<${id}@achats.example.fr>`]);
    await until(async () => ((await state(id)) ? undefined : true), 'the e-mail to leave the queue');
    expect(inbox.to('double@montpellier.example')).toHaveLength(2);
  });

  it('sets aside an e-mail the server refuses for good, and retries one it refuses for now', async () => {
    let temporary = true;
    inbox.refuse = (address) => {
      if (address === 'inconnu@montpellier.example') return { code: 550, message: 'Mailbox unavailable' };
      if (address === 'plein@montpellier.example' && temporary) return { code: 451, message: 'Try again later' };
      return null;
    };
    const dead = await queue('inconnu@montpellier.example', 'Adresse inconnue');
    const later = await queue('plein@montpellier.example', 'Boîte pleine');
    const refused = await until(async () => {
      const row = await state(dead);
      return row && row.attempts > 0 ? row : undefined;
    }, 'the refused e-mail to be tried');
    expect(refused).toMatchObject({ attempts: 1, failed: true, claim_token: null });
    const retried = await until(async () => {
      const row = await state(later);
      return row && row.attempts > 0 ? row : undefined;
    }, 'the deferred e-mail to be tried');
    expect(retried).toMatchObject({ attempts: 1, failed: false, waiting: true, claim_token: null });

    temporary = false;
    await dataSource.query(`UPDATE email_outbox SET available_at = now() WHERE id IN ($1, $2)`, [dead, later]);
    await inbox.waitFor('plein@montpellier.example', /Boîte pleine/);
    // The one refused for good is never tried again, and stays (listed in the personal-data export).
    await t.app.get(Mailer).sendPending();
    expect(await state(dead)).toMatchObject({ attempts: 1, failed: true });
    expect(inbox.to('inconnu@montpellier.example')).toHaveLength(0);
  });
});
