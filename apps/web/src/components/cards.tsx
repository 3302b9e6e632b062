import { Card } from '@codegouvfr/react-dsfr/Card';
import type { ClauseKind } from '../gql/graphql';
import { CLAUSE_KIND_LABELS, departmentLabel, frenchDate } from '../lib/labels';
import { postUrl, templateUrl } from '../lib/urls';

interface ThemeRef {
  slug: string;
  label: string;
}

export interface PostCardData {
  id: string;
  title: string;
  summary: string;
  contractYear?: number | null;
  departmentCode?: string | null;
  publishedAt?: string | null;
  organisation: { name: string };
  themes: ThemeRef[];
}

export interface TemplateCardData {
  id: string;
  title: string;
  summary: string;
  kind: ClauseKind;
  publishedAt?: string | null;
  organisation: { name: string };
  themes: ThemeRef[];
}

function details(parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== null && p !== '').join(' · ');
}

export function PostCard({ post, headingLevel = 'h3' }: { post: PostCardData; headingLevel?: 'h2' | 'h3' }) {
  return (
    <Card
      title={post.title}
      titleAs={headingLevel}
      desc={post.summary}
      linkProps={{ href: postUrl(post) }}
      enlargeLink
      size="small"
      start={<p className="fr-badge fr-badge--sm fr-badge--green-emeraude">Retour d&apos;expérience</p>}
      detail={details([
        post.organisation.name,
        post.contractYear === null || post.contractYear === undefined
          ? undefined
          : `Marché de ${post.contractYear}`,
        post.departmentCode === null || post.departmentCode === undefined
          ? undefined
          : departmentLabel(post.departmentCode),
      ])}
      end={
        post.publishedAt !== null && post.publishedAt !== undefined ? (
          <p className="fr-card__detail">Publié le {frenchDate(post.publishedAt)}</p>
        ) : undefined
      }
    />
  );
}

export function TemplateCard({
  template,
  headingLevel = 'h3',
}: {
  template: TemplateCardData;
  headingLevel?: 'h2' | 'h3';
}) {
  return (
    <Card
      title={template.title}
      titleAs={headingLevel}
      desc={template.summary}
      linkProps={{ href: templateUrl(template) }}
      enlargeLink
      size="small"
      start={<p className="fr-badge fr-badge--sm fr-badge--purple-glycine">Modèle de clause</p>}
      detail={details([CLAUSE_KIND_LABELS[template.kind], template.organisation.name])}
    />
  );
}

export function CardGrid({ children }: { children: React.ReactNode }) {
  return <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">{children}</ul>;
}

export function CardCell({ children }: { children: React.ReactNode }) {
  return <li className="fr-col-12 fr-col-md-6 fr-col-lg-4">{children}</li>;
}
