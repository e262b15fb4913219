import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useClients } from '@/features/clients/api/get-clients';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { isAdmin, useSession } from '@/lib/session';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const session = useSession();
  const clients = useClients();
  const firstName = session.user.name.split(' ')[0] ?? session.user.name;
  const count = (predicate: (status: string, tier: string) => boolean) =>
    clients.data ? format.number(clients.data.filter((client) => predicate(client.status, client.tier)).length) : '…';

  const links = [
    { to: '/clients', label: t('nav.clients'), description: t('home.links.clients') },
    ...(isAdmin(session)
      ? [
          { to: '/users', label: t('nav.users'), description: t('home.links.users') },
          { to: '/outbox', label: t('nav.outbox'), description: t('home.links.outbox') },
          { to: '/settings', label: t('nav.settings'), description: t('home.links.settings') },
        ]
      : []),
    { to: '/profile', label: t('nav.profile'), description: t('home.links.profile') },
  ];

  return (
    <>
      <PageHeader title={t('home.title', { name: firstName })} description={t('home.description', { workspace: session.workspace.name })} />
      {clients.isError ? <Alert tone="error">{errorMessage(clients.error)}</Alert> : null}
      <Card title={t('home.clients.title')}>
        <dl className="stats">
          <Stat label={t('home.clients.total')} value={count(() => true)} />
          <Stat label={t('home.clients.key')} value={count((_, tier) => tier === 'key')} />
          <Stat label={t('home.clients.atRisk')} value={count((status) => status === 'at_risk')} />
          <Stat label={t('home.clients.lost')} value={count((status) => status === 'lost')} />
        </dl>
      </Card>
      <Card title={t('home.links.title')}>
        <ul className="link-grid">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="link-card">
                <span className="link-card__title">{link.label}</span>
                <span className="link-card__description">{link.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
