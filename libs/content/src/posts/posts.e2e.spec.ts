import { DATA_SOURCE, toGlobalId } from '@resocc/core';
import { ADMIN, MEMBER, OTHER_MEMBER, PENDING_USER, login, type Session } from '@resocc/members/testing';
import { SearchIndexer } from '@resocc/search';
import type { DataSource } from 'typeorm';
import {
  POST_FIELDS,
  type TestApp,
  addAccount,
  createContentTestApp,
  validPost,
  validTemplate,
} from '../testing';

const CREATE = `mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { ${POST_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ExperiencePostInput!) { updateExperiencePost(id: $id, expectedVersion: $v, input: $input) { ${POST_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitExperiencePost(id: $id) { status publishedAt version } }`;
const ARCHIVE = `mutation($id: ID!) { archiveExperiencePost(id: $id) { status } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on ExperiencePost { id title status version } } }`;
const TRUST =
  'mutation($id: ID!, $trusted: Boolean!) { setOrganisationTrusted(id: $id, trusted: $trusted) { trusted } }';

type Post = {
  id: string;
  status: string;
  version: number;
  publishedAt: string | null;
  [key: string]: unknown;
};

describe('experience posts', () => {
  let t: TestApp;
  let member: Session;
  let other: Session;
  let admin: Session;
  let dataSource: DataSource;
  const outboxCount = async (): Promise<number> =>
    Number((await dataSource.query('SELECT count(*) AS n FROM search_outbox'))[0].n);

  async function create(session: Session, overrides: Record<string, unknown> = {}): Promise<Post> {
    const res = await t.gql<{ createExperiencePost: Post }>(
      CREATE,
      { input: validPost(overrides) },
      { token: session.accessToken },
    );
    if (!res.data?.createExperiencePost) throw new Error(JSON.stringify(res.errors));
    return res.data.createExperiencePost;
  }

  beforeAll(async () => {
    t = await createContentTestApp();
    member = await login(t, MEMBER);
    other = await login(t, OTHER_MEMBER);
    admin = await login(t, ADMIN);
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    // Keep outbox rows in place so the tests can see them (the indexer would drain them at once).
    await t.app.get(SearchIndexer).onApplicationShutdown();
  });
  afterAll(() => t.close());

  it('creates a DRAFT with normalised fields and sanitised HTML, which search does not hear of', async () => {
    const before = await outboxCount();
    const post = await create(member, {
      body: '## Bilan\n\n<script>alert(1)</script> [guide](javascript:alert(1)) [DAJ](https://www.economie.gouv.fr/daj)',
      cpvCodes: ['30213100-6', '30213100', '72000000'],
      departmentCode: '2a',
    });
    expect(post).toMatchObject({
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      cpvCodes: ['30213100', '72000000'],
      departmentCode: '2A',
      themes: [{ slug: 'numerique-responsable', label: 'Numérique responsable' }],
      author: { displayName: 'Claire Dupont' },
      organisation: { name: 'Montpellier Méditerranée Métropole' },
    });
    expect(post['bodyHtml']).toContain('<h2>Bilan</h2>');
    expect(post['bodyHtml']).toContain(
      '<a href="https://www.economie.gouv.fr/daj" rel="noopener nofollow">DAJ</a>',
    );
    expect(post['bodyHtml']).not.toMatch(/<script|href="javascript/);
    // A draft is never in the index: the outbox triggers ignore it (publication is covered
    // by libs/search/src/outbox/search-outbox.triggers.spec.ts).
    expect(await outboxCount()).toBe(before);
  });

  it('refuses anonymous viewers and users of a pending organisation', async () => {
    expect((await t.gql(CREATE, { input: validPost() })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const pending = await login(t, PENDING_USER);
    expect(
      (await t.gql(CREATE, { input: validPost() }, { token: pending.accessToken })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('names every bad field at once and writes nothing', async () => {
    const before = Number((await dataSource.query('SELECT count(*) AS n FROM experience_post'))[0].n);
    const res = await t.gql(
      CREATE,
      {
        input: validPost({
          title: 'x'.repeat(201),
          summary: ' ',
          body: 'y'.repeat(50_001),
          themes: ['numerique-responsable', 'pas-un-theme'],
          considerations: [],
          cpvCodes: ['45000000-7', '4500000', 'ABCDEFGH'],
          contractYear: 1999,
          departmentCode: '20',
          outcomes: 'z'.repeat(5001),
          clauseTemplateIds: [toGlobalId('ClauseTemplate', '00000000-0000-4000-8000-000000000009'), 'junk'],
        }),
      },
      { token: member.accessToken },
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path).sort()).toEqual([
      'input.body',
      'input.clauseTemplateIds.0',
      'input.clauseTemplateIds.1',
      'input.considerations',
      'input.contractYear',
      'input.cpvCodes.1',
      'input.cpvCodes.2',
      'input.departmentCode',
      'input.outcomes',
      'input.summary',
      'input.themes.1',
      'input.title',
    ]);
    const tooMany = await t.gql(
      CREATE,
      {
        input: validPost({
          cpvCodes: Array.from({ length: 11 }, (_, i) => `3021310${i % 10}`),
          contractYear: new Date().getFullYear() + 2,
        }),
      },
      { token: member.accessToken },
    );
    expect(tooMany.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual([
      'input.cpvCodes',
      'input.contractYear',
    ]);
    const nineThemes = await t.gql(
      CREATE,
      {
        input: validPost({
          themes: [
            'numerique-responsable',
            'alimentation',
            'energie',
            'handicap',
            'achats-ess',
            'mobilite-vehicules',
            'proprete-entretien',
            'textiles-vetements',
            'fournitures-bureau',
          ],
        }),
      },
      { token: member.accessToken },
    );
    expect(nineThemes.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['input.themes']);
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM experience_post'))[0].n)).toBe(before);
  });

  it('updates with the expected version; a stale version is CONFLICT and writes nothing', async () => {
    const post = await create(member);
    const updated = await t.gql<{ updateExperiencePost: Post }>(
      UPDATE,
      { id: post.id, v: 1, input: validPost({ title: 'Titre corrigé' }) },
      { token: member.accessToken },
    );
    expect(updated.data?.updateExperiencePost).toMatchObject({ title: 'Titre corrigé', version: 2 });
    const stale = await t.gql(
      UPDATE,
      { id: post.id, v: 1, input: validPost({ title: 'Écrasement' }) },
      { token: member.accessToken },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [row] = await dataSource.query('SELECT title, version FROM experience_post WHERE id = $1', [
      await idOf(post.id),
    ]);
    expect(row).toEqual({ title: 'Titre corrigé', version: 2 });
  });

  async function idOf(globalId: string): Promise<string> {
    return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
  }

  it('lets only the author organisation edit; others get FORBIDDEN, unseen items NOT_FOUND like unknown ones', async () => {
    const draft = await create(member);
    const byOther = await t.gql(
      UPDATE,
      { id: draft.id, v: 1, input: validPost() },
      { token: other.accessToken },
    );
    expect(byOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknown = await t.gql(
      UPDATE,
      { id: toGlobalId('ExperiencePost', '00000000-0000-4000-8000-000000000001'), v: 1, input: validPost() },
      { token: other.accessToken },
    );
    expect(unknown.errors?.[0].extensions).toEqual(byOther.errors?.[0].extensions);
    expect(unknown.errors?.[0].message).toBe(byOther.errors?.[0].message);

    const published = await create(member);
    await dataSource.query(
      `UPDATE experience_post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [await idOf(published.id)],
    );
    const visibleButNotOwn = await t.gql(
      UPDATE,
      { id: published.id, v: 1, input: validPost() },
      { token: other.accessToken },
    );
    expect(visibleButNotOwn.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql(ARCHIVE, { id: published.id }, { token: other.accessToken })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('submits to review, or publishes at once for a trusted organisation', async () => {
    const post = await create(member);
    const submitted = await t.gql<{ submitExperiencePost: Post }>(
      SUBMIT,
      { id: post.id },
      { token: member.accessToken },
    );
    expect(submitted.data?.submitExperiencePost).toMatchObject({
      status: 'IN_REVIEW',
      publishedAt: null,
      version: 2,
    });
    const again = await t.gql(SUBMIT, { id: post.id }, { token: member.accessToken });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'id', message: expect.stringContaining('IN_REVIEW') }],
    });
    const editInReview = await t.gql(
      UPDATE,
      { id: post.id, v: 2, input: validPost() },
      { token: member.accessToken },
    );
    expect(editInReview.errors?.[0].extensions?.fields?.[0].message).toContain('IN_REVIEW');

    const orgId = (
      await t.gql<{ me: { organisation: { id: string } } }>('{ me { organisation { id } } }', undefined, {
        token: member.accessToken,
      })
    ).data?.me.organisation.id;
    await t.gql(
      'mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: true) { trusted } }',
      { id: orgId },
      { token: admin.accessToken },
    );
    const trustedPost = await create(member);
    const published = await t.gql<{ submitExperiencePost: Post }>(
      SUBMIT,
      { id: trustedPost.id },
      { token: member.accessToken },
    );
    expect(published.data?.submitExperiencePost.status).toBe('PUBLISHED');
    expect(published.data?.submitExperiencePost.publishedAt).not.toBeNull();
    // a trusted organisation's edits stay published
    const edited = await t.gql<{ updateExperiencePost: Post }>(
      UPDATE,
      { id: trustedPost.id, v: 2, input: validPost({ title: 'Mis à jour' }) },
      { token: member.accessToken },
    );
    expect(edited.data?.updateExperiencePost.status).toBe('PUBLISHED');
    await t.gql(
      'mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: false) { trusted } }',
      { id: orgId },
      { token: admin.accessToken },
    );

    // an untrusted organisation's edit of a published post sends it back to review
    const reviewAgain = await t.gql<{ updateExperiencePost: Post }>(
      UPDATE,
      { id: trustedPost.id, v: 3, input: validPost({ title: 'Encore' }) },
      { token: member.accessToken },
    );
    expect(reviewAgain.data?.updateExperiencePost.status).toBe('IN_REVIEW');
    expect(reviewAgain.data?.updateExperiencePost.publishedAt).toBe(
      published.data?.submitExperiencePost.publishedAt,
    );
  });

  describe('authority inside an organisation', () => {
    // Claire Dupont (MEMBER) is the référent of Montpellier; the writer and the colleague are
    // approved members of it who are not référents.
    let writer: Session;
    let colleague: Session;
    const FORBIDDEN_MESSAGE =
      'Seuls son auteur et les référents de son organisation peuvent modifier, soumettre ou archiver ce contenu.';

    /** Runs a mutation that must succeed and returns the post it answers. */
    async function ok(
      session: Session,
      query: string,
      variables: Record<string, unknown>,
      field: 'updateExperiencePost' | 'submitExperiencePost' | 'archiveExperiencePost',
    ): Promise<Post> {
      const res = await t.gql<Record<typeof field, Post>>(query, variables, { token: session.accessToken });
      expect(res.errors).toBeUndefined();
      return res.data?.[field] as Post;
    }
    const edit = (session: Session, id: string, v: number, title: string): Promise<Post> =>
      ok(session, UPDATE, { id, v, input: validPost({ title }) }, 'updateExperiencePost');
    const submit = (session: Session, id: string): Promise<Post> =>
      ok(session, SUBMIT, { id }, 'submitExperiencePost');
    const archive = (session: Session, id: string): Promise<Post> =>
      ok(session, ARCHIVE, { id }, 'archiveExperiencePost');
    const setApproved = (email: string, approved: boolean): Promise<unknown> =>
      dataSource.query(
        `UPDATE user_account SET membership_approved_at = CASE WHEN $2 THEN now() END WHERE email = $1`,
        [email, approved],
      );

    beforeAll(async () => {
      writer = await addAccount(t, { email: 'redactrice@montpellier.example', colleagueOf: MEMBER });
      colleague = await addAccount(t, { email: 'collegue@montpellier.example', colleagueOf: MEMBER });
    });

    it('lets a colleague read a draft but not edit, submit or archive it; the référent and the author may', async () => {
      const draft = await create(writer, { title: 'Brouillon de la rédactrice' });
      const read = await t.gql<{ node: Post | null }>(
        READ,
        { id: draft.id },
        { token: colleague.accessToken },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data?.node).toMatchObject({ title: 'Brouillon de la rédactrice', status: 'DRAFT' });

      const refusals = [
        await t.gql(
          UPDATE,
          { id: draft.id, v: 1, input: validPost({ title: 'Par la collègue' }) },
          { token: colleague.accessToken },
        ),
        await t.gql(SUBMIT, { id: draft.id }, { token: colleague.accessToken }),
        await t.gql(ARCHIVE, { id: draft.id }, { token: colleague.accessToken }),
      ];
      for (const refused of refusals) {
        expect(refused.data).toBeNull();
        expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(refused.errors?.[0].message).toBe(FORBIDDEN_MESSAGE);
      }
      expect(
        (await t.gql<{ node: Post }>(READ, { id: draft.id }, { token: writer.accessToken })).data?.node,
      ).toMatchObject({ title: 'Brouillon de la rédactrice', status: 'DRAFT', version: 1 });

      expect(await edit(member, draft.id, 1, 'Relu par la référente')).toMatchObject({
        title: 'Relu par la référente',
        version: 2,
      });
      expect(await edit(writer, draft.id, 2, 'Repris par la rédactrice')).toMatchObject({
        title: 'Repris par la rédactrice',
        version: 3,
      });
      expect((await submit(writer, draft.id)).status).toBe('IN_REVIEW');
      expect((await archive(member, draft.id)).status).toBe('ARCHIVED');

      const second = await create(writer, { title: 'Second brouillon' });
      expect((await submit(member, second.id)).status).toBe('IN_REVIEW');
      expect((await archive(writer, second.id)).status).toBe('ARCHIVED');
    });

    it("publishes without review only while the item's author is an approved member of the trusted organisation", async () => {
      const orgId = (
        await t.gql<{ me: { organisation: { id: string } } }>('{ me { organisation { id } } }', undefined, {
          token: member.accessToken,
        })
      ).data?.me.organisation.id;
      const trusted = await t.gql(TRUST, { id: orgId, trusted: true }, { token: admin.accessToken });
      expect(trusted.errors).toBeUndefined();
      try {
        const kept = await create(writer, { title: 'Publié par la rédactrice' });
        expect((await submit(writer, kept.id)).status).toBe('PUBLISHED');
        const draft = await create(writer, { title: 'Laissé par la rédactrice' });

        // The writer leaves the organisation: her items no longer skip review, whoever acts on them.
        await setApproved('redactrice@montpellier.example', false);
        expect(await submit(member, draft.id)).toMatchObject({ status: 'IN_REVIEW', publishedAt: null });
        expect((await edit(member, kept.id, 2, 'Corrigé par la référente')).status).toBe('IN_REVIEW');

        // The référent's own items still skip review.
        const own = await create(member, { title: 'Publié par la référente' });
        expect((await submit(member, own.id)).status).toBe('PUBLISHED');
      } finally {
        await t.gql(TRUST, { id: orgId, trusted: false }, { token: admin.accessToken });
        await setApproved('redactrice@montpellier.example', true);
      }
    });
  });

  it('archives its own posts', async () => {
    const post = await create(member);
    expect((await t.gql(ARCHIVE, { id: post.id }, { token: member.accessToken })).data).toEqual({
      archiveExperiencePost: { status: 'ARCHIVED' },
    });
    expect(
      (await t.gql(ARCHIVE, { id: post.id }, { token: member.accessToken })).errors?.[0].extensions
        ?.fields?.[0].message,
    ).toContain('ARCHIVED');
  });

  it('cites templates as evidence; usedIn lists only published posts', async () => {
    const template = await t.gql<{ createClauseTemplate: { id: string } }>(
      `mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { id } }`,
      { input: validTemplate() },
      { token: member.accessToken },
    );
    const templateId = template.data?.createClauseTemplate.id as string;
    await dataSource.query(
      `UPDATE clause_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [await idOf(templateId)],
    );
    const draft = await create(member, { clauseTemplateIds: [templateId, templateId] });
    expect(draft['clauseTemplates']).toEqual([{ id: templateId, title: validTemplate()['title'] }]);
    const published = await create(member, {
      clauseTemplateIds: [templateId],
      title: 'Publié avec le modèle',
    });
    await dataSource.query(
      `UPDATE experience_post SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [await idOf(published.id)],
    );

    const usedIn = await t.gql<{
      node: { usedIn: { totalCount: number; edges: { node: { id: string } }[] } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on ClauseTemplate { usedIn(first: 10) { totalCount edges { node { id } } } } } }`,
      { id: templateId },
      { token: member.accessToken },
    );
    expect(usedIn.data?.node.usedIn.edges.map((e) => e.node.id)).toEqual([published.id]);
    expect(usedIn.data?.node.usedIn.totalCount).toBe(1);
  });

  it('adds the content section to the personal-data export', async () => {
    const res = await t.gql<{ exportMyData: string }>('mutation { exportMyData }', undefined, {
      token: member.accessToken,
    });
    const document = JSON.parse(res.data?.exportMyData ?? '{}') as {
      content: { experiencePosts: { title: string }[]; clauseTemplates: unknown[] };
    };
    expect(document.content.experiencePosts.length).toBeGreaterThan(3);
    expect(document.content.experiencePosts.some((p) => p.title === 'Titre corrigé')).toBe(true);
    expect(document.content.clauseTemplates.length).toBeGreaterThanOrEqual(1);
  });
});
