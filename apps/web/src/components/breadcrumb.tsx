import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';

export function Crumbs({
  current,
  parents,
}: {
  current: string;
  parents: { label: string; href: string }[];
}) {
  return (
    <Breadcrumb
      currentPageLabel={current}
      homeLinkProps={{ href: '/' }}
      segments={parents.map((p) => ({ label: p.label, linkProps: { href: p.href } }))}
    />
  );
}
