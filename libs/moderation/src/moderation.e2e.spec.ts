import { addAccount, validPost, waitForSearchIndex } from '@resocc/content/testing';
import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import {
  ADMIN,
  MEMBER,
  MODERATOR,
  OTHER_MEMBER,
  PENDING_USER,
  login,
  type Session,
} from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { createModerationTestApp } from './testing';

const CREATE = `mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitExperiencePost(id: $id) { status } }`;
const MODERATE = `mutation($id: ID!, $action: ModerationAction!, $reason: String) {
  moderateContent(targetId: $id, action: $action, reason: $reason) { id action reason fromStatus toStatus signature actor { displayName } target { ... on ExperiencePost { id status publishedAt } } }
}`;
const REPORT = `mutation($id: ID!, $reason: ReportReason!, $comment: String) { reportContent(targetId: $id, reason: $reason, comment: $comment) { id status reason reporter { displayName } target { ... on ExperiencePost { id status } } } }`;
const QUEUE = `{ moderationQueue(first: 50) { totalCount edges { openReportCount enteredQueueAt submittedBy { displayName } node { __typename ... on ExperiencePost { id title status } } } } }`;
const NOTIFICATIONS = `query($unread: Boolean) { notifications(first: 50, unreadOnly: $unread) { totalCount edges { node { id kind message read target { ... on ExperiencePost { id } } } } } }`;
const STATUS = `query($id: ID!) { node(id: $id) { ... on ExperiencePost { status } } }`;

type Notification = {
  id: string;
  kind: string;
  message: string;
  read: boolean;
  target: { id: string } | null;
};

describe('moderation journeys', () => {
  let t: TestApp;
  let author: Session;
  let moderator: Session;
  let admin: Session;
  let other: Session;
  let dataSource: DataSource;

  async function submitted(title: string): Promise<string> {
    const created = await t.gql<{ createExperiencePost: { id: string } }>(
      CREATE,
      { input: validPost({ title }) },
      { token: author.accessToken },
    );
    const id = created.data?.createExperiencePost.id as string;
    const res = await t.gql<{ submitExperiencePost: { status: string } }>(
      SUBMIT,
      { id },
      { token: author.accessToken },
    );
    expect(res.data?.submitExperiencePost.status).toBe('IN_REVIEW');
    return id;
  }

  async function published(title: string): Promise<string> {
    const id = await submitted(title);
    const res = await t.gql(MODERATE, { id, action: 'APPROVE' }, { token: moderator.accessToken });
    expect(res.errors).toBeUndefined();
    return id;
  }

  /** The answer's data; an error fails the test (it never reads as an empty list). */
  async function answered<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
    const res = await t.gql<T>(query, variables, { token });
    if (res.errors || !res.data) throw new Error(`${query} failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const notificationsOf = async (session: Session, unread = false): Promise<Notification[]> =>
    (
      await answered<{ notifications: { edges: { node: Notification }[] } }>(
        NOTIFICATIONS,
        { unread },
        session.accessToken,
      )
    ).notifications.edges.map((e) => e.node);
  const statusOf = async (id: string, token = moderator.accessToken): Promise<string | undefined> =>
    (await answered<{ node: { status: string } | null }>(STATUS, { id }, token)).node?.status;

  beforeAll(async () => {
    t = await createModerationTestApp();
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    author = await login(t, MEMBER);
    moderator = await login(t, MODERATOR);
    admin = await login(t, ADMIN);
    other = await login(t, OTHER_MEMBER);
    // The demo accounts were made a month ago: their reports count towards hiding.
    await dataSource.query(`UPDATE user_account SET created_at = created_at - interval '30 days'`);
  });
  afterAll(() => t.close());

  it('puts an untrusted member’s submission in the queue and tells the moderators', async () => {
    const id = await submitted('Clause d’insertion dans le marché de voirie');
    const queue = await t.gql<{
      moderationQueue: {
        edges: {
          openReportCount: number;
          submittedBy: { displayName: string };
          node: { id: string; status: string };
        }[];
      };
    }>(QUEUE, undefined, { token: moderator.accessToken });
    const edge = queue.data?.moderationQueue.edges.find((e) => e.node.id === id);
    expect(edge).toMatchObject({
      openReportCount: 0,
      submittedBy: { displayName: 'Claire Dupont' },
      node: { status: 'IN_REVIEW' },
    });
    const heard = await notificationsOf(moderator);
    expect(
      heard.some((n) => n.kind === 'QUEUE_ITEM' && n.target?.id === id && n.message.includes('voirie')),
    ).toBe(true);
    expect((await t.gql(QUEUE)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(QUEUE, undefined, { token: author.accessToken })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('lists the queue oldest first', async () => {
    const first = await submitted('Premier en file');
    const second = await submitted('Second en file');
    const queue = await answered<{ moderationQueue: { edges: { node: { id: string } }[] } }>(
      QUEUE,
      undefined,
      moderator.accessToken,
    );
    const ids = queue.moderationQueue.edges.map((e) => e.node.id);
    expect(ids).toContain(first);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
  });

  it('approves with no reason needed: published, author notified, decision logged and signed for the author', async () => {
    const id = await submitted('Repas bio dans les crèches');
    const res = await t.gql<{
      moderateContent: {
        action: string;
        fromStatus: string;
        toStatus: string;
        actor: { displayName: string };
        target: { status: string; publishedAt: string };
      };
    }>(MODERATE, { id, action: 'APPROVE' }, { token: moderator.accessToken });
    expect(res.data?.moderateContent).toMatchObject({
      action: 'APPROVE',
      fromStatus: 'IN_REVIEW',
      toStatus: 'PUBLISHED',
      actor: { displayName: 'Samir Modération' },
    });
    expect(res.data?.moderateContent.target.publishedAt).not.toBeNull();
    const told = await notificationsOf(author);
    expect(told.find((n) => n.target?.id === id && n.kind === 'CONTENT_APPROVED')?.message).toContain(
      "l'équipe de modération",
    );

    const log = await t.gql<{
      moderationLog: { edges: { node: { action: string; actor: unknown; signature: string } }[] };
    }>(
      `query($id: ID) { moderationLog(targetId: $id) { edges { node { action actor { displayName } signature } } } }`,
      { id },
      { token: author.accessToken },
    );
    expect(log.data?.moderationLog.edges.map((e) => e.node)).toEqual([
      { action: 'APPROVE', actor: null, signature: "l'équipe de modération" },
    ]);
    const othersLog = await t.gql<{ moderationLog: { totalCount: number } }>(
      `query($id: ID) { moderationLog(targetId: $id) { totalCount } }`,
      { id },
      { token: other.accessToken },
    );
    expect(othersLog.data?.moderationLog.totalCount).toBe(0);
  });

  it('requires a reason for other decisions and names the status when a transition is impossible', async () => {
    const id = await submitted('Sans motif');
    const noReason = await t.gql(
      MODERATE,
      { id, action: 'REQUEST_CHANGES' },
      { token: moderator.accessToken },
    );
    expect(noReason.errors?.[0].extensions?.fields).toEqual([
      { path: 'reason', message: expect.any(String) },
    ]);
    await t.gql(
      MODERATE,
      { id, action: 'REQUEST_CHANGES', reason: 'Précisez le montant du marché.' },
      { token: moderator.accessToken },
    );
    expect(await statusOf(id)).toBe('CHANGES_REQUESTED');
    const told = await notificationsOf(author);
    expect(told.find((n) => n.target?.id === id)?.message).toContain('Précisez le montant du marché.');
    const impossible = await t.gql(MODERATE, { id, action: 'RESTORE' }, { token: moderator.accessToken });
    expect(impossible.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'targetId', message: expect.stringContaining('CHANGES_REQUESTED') }],
    });
    const auto = await t.gql(
      MODERATE,
      { id, action: 'AUTO_HIDE', reason: 'essai' },
      { token: moderator.accessToken },
    );
    expect(auto.errors?.[0].extensions?.fields?.[0].path).toBe('action');
    const unknown = await t.gql(
      MODERATE,
      {
        id: Buffer.from('ExperiencePost:00000000-0000-4000-8000-000000000042').toString('base64url'),
        action: 'APPROVE',
      },
      { token: moderator.accessToken },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(
      (await t.gql(MODERATE, { id, action: 'APPROVE' }, { token: author.accessToken })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('hides content once three members of two other organisations report it, then a moderator dismisses the reports and it comes back', async () => {
    const id = await published('Gobelets réutilisables pour les fêtes de quartier');
    await waitForSearchIndex(t);
    const first = await t.gql(
      REPORT,
      { id, reason: 'INACCURATE', comment: 'Les quantités semblent fausses.' },
      { token: other.accessToken },
    );
    expect(first.data?.['reportContent']).toMatchObject({
      status: 'OPEN',
      reporter: { displayName: 'Julien Martin' },
    });
    const again = await t.gql(REPORT, { id, reason: 'SPAM' }, { token: other.accessToken });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.gql(REPORT, { id, reason: 'SPAM' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const pending = await login(t, PENDING_USER);
    expect(
      (await t.gql(REPORT, { id, reason: 'SPAM' }, { token: pending.accessToken })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');

    await t.gql(REPORT, { id, reason: 'OFF_TOPIC' }, { token: admin.accessToken });
    expect(await statusOf(id)).toBe('PUBLISHED');
    await t.gql(REPORT, { id, reason: 'INACCURATE' }, { token: moderator.accessToken });
    expect(await statusOf(id)).toBe('HIDDEN');

    const log = await t.gql<{ moderationLog: { edges: { node: { action: string; actor: unknown } }[] } }>(
      `query($id: ID) { moderationLog(targetId: $id) { edges { node { action actor { displayName } } } } }`,
      { id },
      { token: moderator.accessToken },
    );
    expect(log.data?.moderationLog.edges[0].node).toEqual({ action: 'AUTO_HIDE', actor: null });
    const queue = await t.gql<{
      moderationQueue: { edges: { openReportCount: number; node: { id: string; status: string } }[] };
    }>(QUEUE, undefined, { token: moderator.accessToken });
    expect(queue.data?.moderationQueue.edges.find((e) => e.node.id === id)).toMatchObject({
      openReportCount: 3,
      node: { status: 'HIDDEN' },
    });
    expect(
      (await notificationsOf(author)).some((n) => n.kind === 'CONTENT_HIDDEN' && n.target?.id === id),
    ).toBe(true);
    expect(
      (await notificationsOf(moderator)).some((n) => n.kind === 'CONTENT_AUTO_HIDDEN' && n.target?.id === id),
    ).toBe(true);
    await waitForSearchIndex(t);
    const searched = await t.gql<{ search: { totalHits: number } }>(
      `{ search(input: { query: "gobelets réutilisables" }) { totalHits } }`,
    );
    expect(searched.data?.search.totalHits).toBe(0);

    const dismiss = await t.gql(
      MODERATE,
      { id, action: 'DISMISS_REPORTS', reason: 'Chiffres vérifiés auprès de l’acheteur.' },
      { token: moderator.accessToken },
    );
    expect(dismiss.data?.['moderateContent']).toMatchObject({ fromStatus: 'HIDDEN', toStatus: 'PUBLISHED' });
    const reports = await dataSource.query(`SELECT status FROM report WHERE target_id = $1`, [
      Buffer.from(id, 'base64url').toString().split(':')[1],
    ]);
    expect(reports.map((r: { status: string }) => r.status)).toEqual(['DISMISSED', 'DISMISSED', 'DISMISSED']);
    await waitForSearchIndex(t);
    const back = await t.gql<{ search: { totalHits: number } }>(
      `{ search(input: { query: "gobelets réutilisables" }) { totalHits } }`,
    );
    expect(back.data?.search.totalHits).toBe(1);
    // reports are closed: the same member may report again
    expect(
      (await t.gql(REPORT, { id, reason: 'SPAM' }, { token: other.accessToken })).errors,
    ).toBeUndefined();
  });

  describe('reports that few accounts cannot abuse', () => {
    const REPORTS = `{ reports(first: 100, status: OPEN) { edges { node { target { ... on ExperiencePost { id } } reporter { displayName organisation { name } } } } } }`;
    type Reports = {
      reports: {
        edges: { node: { target: { id: string }; reporter: { organisation: { name: string } } } }[];
      };
    };
    const QUEUE_ORGANISATIONS = `{ moderationQueue(first: 100) { edges { openReportCount reportingOrganisations { name } node { ... on ExperiencePost { id status } } } } }`;
    type QueueOrganisations = {
      moderationQueue: {
        edges: {
          openReportCount: number;
          reportingOrganisations: { name: string }[];
          node: { id: string; status: string };
        }[];
      };
    };

    async function reportAs(session: Session, id: string): Promise<void> {
      // The answer shows the item as its reporter saw it, even when this report hides it.
      const res = await t.gql<{ reportContent: { target: { id: string } } }>(
        `mutation($id: ID!) { reportContent(targetId: $id, reason: INACCURATE) { id status target { ... on ExperiencePost { id } } } }`,
        { id },
        { token: session.accessToken },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.reportContent.target.id).toBe(id);
    }
    /** Each session reports the item in turn; then the item's status. */
    async function reportedBy(id: string, ...sessions: Session[]): Promise<string | undefined> {
      for (const session of sessions) await reportAs(session, id);
      return statusOf(id);
    }
    /** The organisations of the open reports on the item, as moderators see them in the reports list. */
    async function reportingOrganisations(id: string): Promise<string[]> {
      const res = await answered<Reports>(REPORTS, undefined, moderator.accessToken);
      return res.reports.edges
        .filter((e) => e.node.target.id === id)
        .map((e) => e.node.reporter.organisation.name)
        .sort();
    }
    const account = (email: string, colleagueOf: string, ageHours = 48): Promise<Session> =>
      addAccount(t, { email, colleagueOf, ageHours });

    it('does not hide on reports from accounts of a single organisation, however many', async () => {
      const id = await published('Signalé par une seule organisation');
      const nimes = [
        await login(t, 'achats@nimes.example'),
        await account('n1@nimes.example', 'achats@nimes.example'),
        await account('n2@nimes.example', 'achats@nimes.example'),
        await account('n3@nimes.example', 'achats@nimes.example'),
      ];
      expect(await reportedBy(id, ...nimes)).toBe('PUBLISHED');
      expect(await reportingOrganisations(id)).toEqual(Array(4).fill('Ville de Nîmes'));
      expect(await reportedBy(id, other)).toBe('HIDDEN');
      const queue = await t.gql<QueueOrganisations>(QUEUE_ORGANISATIONS, undefined, {
        token: moderator.accessToken,
      });
      expect(queue.errors).toBeUndefined();
      expect(queue.data?.moderationQueue.edges.find((e) => e.node.id === id)).toEqual({
        openReportCount: 5,
        reportingOrganisations: [{ name: 'Toulouse Métropole' }, { name: 'Ville de Nîmes' }],
        node: { id, status: 'HIDDEN' },
      });
    });

    it("does not count reports from the author's own organisation", async () => {
      const id = await published('Signalé par des collègues');
      const colleagues = [
        await account('c1@montpellier.example', MEMBER),
        await account('c2@montpellier.example', MEMBER),
      ];
      expect(await reportedBy(id, ...colleagues, other)).toBe('PUBLISHED');
      expect(await reportingOrganisations(id)).toEqual([
        'Montpellier Méditerranée Métropole',
        'Montpellier Méditerranée Métropole',
        'Toulouse Métropole',
      ]);
      // two that count: Toulouse and Nîmes; then three
      expect(await reportedBy(id, await login(t, 'achats@nimes.example'))).toBe('PUBLISHED');
      expect(await reportedBy(id, await login(t, 'achats@gard.example'))).toBe('HIDDEN');
    });

    it('counts reports by accounts less than 24 h old for the queue but not for hiding', async () => {
      const id = await published('Signalé par des comptes récents');
      const young = [
        await account('y1@nimes.example', 'achats@nimes.example', 1),
        await account('y2@gard.example', 'achats@gard.example', 23),
      ];
      expect(await reportedBy(id, other, ...young)).toBe('PUBLISHED');
      expect(await reportingOrganisations(id)).toEqual([
        'Département du Gard',
        'Toulouse Métropole',
        'Ville de Nîmes',
      ]);
      // two that count: Toulouse and Hérault; then three
      expect(await reportedBy(id, await login(t, 'achats@herault.example'))).toBe('PUBLISHED');
      expect(await reportedBy(id, await login(t, 'contact@esat.example'))).toBe('HIDDEN');
      const log = await t.gql<{ moderationLog: { edges: { node: { action: string; reason: string } }[] } }>(
        `query($id: ID) { moderationLog(targetId: $id) { edges { node { action reason } } } }`,
        { id },
        { token: moderator.accessToken },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data?.moderationLog.edges[0].node).toEqual({
        action: 'AUTO_HIDE',
        reason: '3 signalements de membres de 3 organisations',
      });
    });

    it('counts only the reports of accounts that are approved members now', async () => {
      const id = await published('Signalé par un compte retiré');
      expect(await reportedBy(id, other, await login(t, 'achats@chu.example'))).toBe('PUBLISHED');
      await dataSource.query(`UPDATE user_account SET membership_approved_at = NULL WHERE email = $1`, [
        'achats@chu.example',
      ]);
      try {
        // the CHU's member left: two count; then three
        expect(await reportedBy(id, await login(t, 'contact@scop.example'))).toBe('PUBLISHED');
        expect(await reportedBy(id, await login(t, 'contact@aci.example'))).toBe('HIDDEN');
      } finally {
        await dataSource.query(`UPDATE user_account SET membership_approved_at = now() WHERE email = $1`, [
          'achats@chu.example',
        ]);
      }
    });
  });

  describe('trusted publication', () => {
    // The Région is a trusted demo organisation; achats@region.example is its référent.
    const LOG = `query($id: ID) { moderationLog(targetId: $id) { edges { node { action reason fromStatus toStatus actor { displayName } } } } }`;
    type Log = {
      moderationLog: {
        edges: {
          node: {
            action: string;
            reason: string | null;
            fromStatus: string;
            toStatus: string;
            actor: { displayName: string } | null;
          };
        }[];
      };
    };
    const logOf = async (
      id: string,
      session: Session,
    ): Promise<Log['moderationLog']['edges'][number]['node'][]> => {
      const res = await answered<Log>(LOG, { id }, session.accessToken);
      return res.moderationLog.edges.map((e) => e.node);
    };
    async function draftBy(session: Session, title: string): Promise<string> {
      const res = await t.gql<{ createExperiencePost: { id: string } }>(
        CREATE,
        { input: validPost({ title }) },
        { token: session.accessToken },
      );
      expect(res.errors).toBeUndefined();
      return res.data?.createExperiencePost.id as string;
    }
    async function submitAs(session: Session, id: string): Promise<string | undefined> {
      const res = await t.gql<{ submitExperiencePost: { status: string } }>(
        SUBMIT,
        { id },
        { token: session.accessToken },
      );
      expect(res.errors).toBeUndefined();
      return res.data?.submitExperiencePost.status;
    }

    it('logs who published without review, for moderators (with the actor) and for the organisation', async () => {
      const region = await login(t, 'achats@region.example');
      const id = await draftBy(region, 'Achat groupé d’électricité verte');
      expect(await submitAs(region, id)).toBe('PUBLISHED');
      const edited = await t.gql(
        `mutation($id: ID!, $input: ExperiencePostInput!) { updateExperiencePost(id: $id, expectedVersion: 2, input: $input) { status } }`,
        { id, input: validPost({ title: 'Achat groupé d’électricité verte (bilan)' }) },
        { token: region.accessToken },
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data).toEqual({ updateExperiencePost: { status: 'PUBLISHED' } });

      const actor = { displayName: 'Direction des achats — Région' };
      expect(await logOf(id, admin)).toEqual([
        {
          action: 'PUBLISH_TRUSTED',
          reason: 'Modification publiée sans relecture : organisation de confiance.',
          fromStatus: 'PUBLISHED',
          toStatus: 'PUBLISHED',
          actor,
        },
        {
          action: 'PUBLISH_TRUSTED',
          reason: 'Publié sans relecture : organisation de confiance.',
          fromStatus: 'DRAFT',
          toStatus: 'PUBLISHED',
          actor,
        },
      ]);
      expect((await logOf(id, moderator)).map((e) => e.actor)).toEqual([actor, actor]);
      expect((await logOf(id, region)).map((e) => [e.action, e.actor])).toEqual([
        ['PUBLISH_TRUSTED', null],
        ['PUBLISH_TRUSTED', null],
      ]);
      expect(await logOf(id, other)).toEqual([]);

      const refused = await t.gql(
        MODERATE,
        { id, action: 'PUBLISH_TRUSTED', reason: 'essai' },
        { token: moderator.accessToken },
      );
      expect(refused.errors?.[0].extensions?.fields).toEqual([
        { path: 'action', message: expect.any(String) },
      ]);
    });

    it('sends to review an item whose author is no longer an approved member, and logs no trusted publication', async () => {
      const referent = await login(t, 'achats@region.example');
      const writer = await addAccount(t, {
        email: 'redacteur@region.example',
        colleagueOf: 'achats@region.example',
      });
      const id = await draftBy(writer, 'Brouillon d’un ancien agent');
      await dataSource.query(`UPDATE user_account SET membership_approved_at = NULL WHERE email = $1`, [
        'redacteur@region.example',
      ]);
      expect(await submitAs(referent, id)).toBe('IN_REVIEW');
      expect(await logOf(id, admin)).toEqual([]);
      expect(
        (await notificationsOf(moderator)).some((n) => n.kind === 'QUEUE_ITEM' && n.target?.id === id),
      ).toBe(true);
    });
  });

  it('upholds open reports when a moderator hides the content', async () => {
    const id = await published('Vêtements de travail durables');
    await t.gql(REPORT, { id, reason: 'OFFENSIVE' }, { token: other.accessToken });
    await t.gql(
      MODERATE,
      { id, action: 'HIDE', reason: 'Propos déplacés.' },
      { token: moderator.accessToken },
    );
    const [report] = await dataSource.query(`SELECT status FROM report WHERE target_id = $1`, [
      Buffer.from(id, 'base64url').toString().split(':')[1],
    ]);
    expect(report.status).toBe('UPHELD');
    const reportOnHidden = await t.gql(REPORT, { id, reason: 'SPAM' }, { token: admin.accessToken });
    expect(reportOnHidden.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('applies a bulk action to all items or to none, naming each refused one', async () => {
    const a = await submitted('Lot A');
    const b = await published('Lot B');
    const c = await submitted('Lot C');
    const refused = await t.gql(
      `mutation($ids: [ID!]!) { moderateContentBulk(targetIds: $ids, action: APPROVE) { id } }`,
      { ids: [a, b, c] },
      { token: moderator.accessToken },
    );
    expect(refused.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['targetIds.1']);
    expect(await statusOf(a)).toBe('IN_REVIEW');
    expect(await statusOf(c)).toBe('IN_REVIEW');
    const ok = await t.gql<{ moderateContentBulk: { id: string }[] }>(
      `mutation($ids: [ID!]!) { moderateContentBulk(targetIds: $ids, action: REJECT, reason: "Hors sujet pour le réseau.") { id } }`,
      { ids: [a, c] },
      { token: moderator.accessToken },
    );
    expect(ok.data?.moderateContentBulk).toHaveLength(2);
    expect(await statusOf(a)).toBe('REJECTED');
    expect(await statusOf(c)).toBe('REJECTED');
  });

  it('keeps an append-only log: the database refuses UPDATE and DELETE', async () => {
    await published('Décision à ne pas réécrire');
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM moderation_event`);
    expect(count).toBeGreaterThan(0);
    // Refused by the trigger, or before it by the privileges of the role the API connects as.
    const refused = /append-only|permission denied for table moderation_event/;
    await expect(dataSource.query(`UPDATE moderation_event SET reason = 'réécrit'`)).rejects.toThrow(refused);
    await expect(dataSource.query(`DELETE FROM moderation_event`)).rejects.toThrow(refused);
    await expect(dataSource.query(`TRUNCATE moderation_event CASCADE`)).rejects.toThrow(refused);
    const [{ after }] = await dataSource.query(`SELECT count(*)::int AS after FROM moderation_event`);
    expect(after).toBe(count);
  });

  it('lets each user read and mark only their own notifications', async () => {
    // Its own notifications: each approval tells the author, each submission the moderators.
    for (const title of ['Notifié un', 'Notifié deux', 'Notifié trois']) await published(title);
    const unread = await notificationsOf(author, true);
    expect(unread.length).toBeGreaterThan(2);
    const othersIds = (await notificationsOf(moderator, true)).map((n) => n.id);
    expect(othersIds.length).toBeGreaterThan(2);
    const marked = await t.gql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: [unread[0].id, unread[1].id, ...othersIds] },
      { token: author.accessToken },
    );
    expect(marked.data?.markNotificationsRead).toBe(2);
    const again = await t.gql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: [unread[0].id] },
      { token: author.accessToken },
    );
    expect(again.data?.markNotificationsRead).toBe(0);
    expect((await notificationsOf(author, true)).length).toBe(unread.length - 2);
    expect((await notificationsOf(moderator, true)).length).toBe(othersIds.length);
  });

  it('curates collections of published items; items that leave PUBLISHED vanish, members-only ones stay hidden from anonymous viewers', async () => {
    const publicItem = await published('Collection : imprimantes reconditionnées');
    const membersItem = (
      await t.gql<{ createExperiencePost: { id: string } }>(
        CREATE,
        { input: validPost({ title: 'Collection : réservé aux membres', visibility: 'MEMBERS' }) },
        { token: author.accessToken },
      )
    ).data?.createExperiencePost.id as string;
    await t.gql(SUBMIT, { id: membersItem }, { token: author.accessToken });
    await t.gql(MODERATE, { id: membersItem, action: 'APPROVE' }, { token: moderator.accessToken });
    const draft = (
      await t.gql<{ createExperiencePost: { id: string } }>(
        CREATE,
        { input: validPost({ title: 'Brouillon' }) },
        { token: author.accessToken },
      )
    ).data?.createExperiencePost.id as string;

    const created = await t.gql<{ createCollection: { id: string } }>(
      `mutation { createCollection(title: "Numérique : les essentiels", description: "Sélection de l'équipe") { id } }`,
      undefined,
      { token: moderator.accessToken },
    );
    const collectionId = created.data?.createCollection.id as string;
    const SET = `mutation($id: ID!, $items: [ID!]!) { setCollectionItems(id: $id, itemIds: $items) { id } }`;
    const refused = await t.gql(
      SET,
      { id: collectionId, items: [publicItem, draft] },
      { token: moderator.accessToken },
    );
    expect(refused.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['itemIds.1']);
    expect(
      (
        await t.gql(
          SET,
          { id: collectionId, items: [membersItem, publicItem] },
          { token: moderator.accessToken },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await t.gql(SET, { id: collectionId, items: [publicItem] }, { token: author.accessToken })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');

    const COLLECTIONS = `{ collections { id title items { ... on ExperiencePost { id } } curator { displayName } } }`;
    type Collections = { collections: { id: string; items: { id: string }[] }[] };
    const listed = async (token?: string): Promise<Collections['collections']> =>
      (await answered<Collections>(COLLECTIONS, undefined, token)).collections;
    const itemsFor = async (token?: string): Promise<string[] | undefined> =>
      (await listed(token)).find((c) => c.id === collectionId)?.items.map((i) => i.id);
    expect(await itemsFor(other.accessToken)).toEqual([membersItem, publicItem]);
    expect(await itemsFor()).toEqual([publicItem]);
    await t.gql(
      MODERATE,
      { id: publicItem, action: 'HIDE', reason: 'Vérification en cours.' },
      { token: moderator.accessToken },
    );
    expect(await itemsFor(other.accessToken)).toEqual([membersItem]);
    expect(await itemsFor(moderator.accessToken)).toEqual([membersItem]);

    const renamed = await t.gql(
      `mutation($id: ID!) { updateCollection(id: $id, title: "Numérique responsable") { title } }`,
      { id: collectionId },
      { token: moderator.accessToken },
    );
    expect(renamed.data).toEqual({ updateCollection: { title: 'Numérique responsable' } });
    expect(
      (
        await t.gql(
          `mutation($id: ID!) { deleteCollection(id: $id) }`,
          { id: collectionId },
          { token: moderator.accessToken },
        )
      ).data,
    ).toEqual({ deleteCollection: true });
    expect((await listed()).map((c) => c.id)).not.toContain(collectionId);
    expect((await listed(moderator.accessToken)).map((c) => c.id)).not.toContain(collectionId);
  });

  it('exports the moderation section and keeps reports (anonymised) when a reporter erases the account', async () => {
    // A reporter of its own: erasing a demo account would change what other tests find.
    const reporter = await addAccount(t, {
      email: 'rapporteuse@toulouse.example',
      colleagueOf: OTHER_MEMBER,
      ageHours: 48,
    });
    const id = await published('Signalé puis effacé');
    await answered(
      REPORT,
      { id, reason: 'INACCURATE', comment: 'Chiffres à vérifier.' },
      reporter.accessToken,
    );
    const exported = await answered<{ exportMyData: string }>(
      'mutation { exportMyData }',
      undefined,
      reporter.accessToken,
    );
    const document = JSON.parse(exported.exportMyData) as {
      moderation: { reports: unknown[]; notifications: unknown[] };
    };
    expect(document.moderation.reports).toHaveLength(1);
    expect(JSON.stringify(document.moderation.reports)).toContain('Chiffres à vérifier.');
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM report`);
    await answered(
      'mutation { deleteMyAccount(password: "demo-password-2026") }',
      undefined,
      reporter.accessToken,
    );
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM report`)).toEqual(before);
    const reports = await answered<{
      reports: { edges: { node: { target: { id: string } | null; reporter: { displayName: string } } }[] };
    }>(
      `{ reports(first: 100) { edges { node { target { ... on ExperiencePost { id } } reporter { displayName } } } } }`,
      undefined,
      moderator.accessToken,
    );
    expect(
      reports.reports.edges.filter((e) => e.node.target?.id === id).map((e) => e.node.reporter.displayName),
    ).toEqual(['ancien membre']);
  });
});
