/** The frame of every console page: its heading, its menu, who is signed in, « Se déconnecter ». */
import type { ComponentChildren } from 'preact';
import { Layout, type PageProps } from '../ui/layout.tsx';
import { consolePaths } from './console-client.ts';
import type { ConsoleAdmin } from './console-guard.ts';

export interface ConsolePageProps extends Omit<PageProps, 'title' | 'children' | 'wide'> {
  admin: ConsoleAdmin;
}

export function ConsoleLayout(
  props: ConsolePageProps & { title: string; children: ComponentChildren },
) {
  const { t, admin } = props;
  return (
    <Layout {...props} title={`${props.title} · ${t('admin.title')}`} wide>
      <div class="console-bar">
        <nav aria-label={t('admin.nav')}>
          <strong>{t('admin.title')}</strong>{' '}
          <a href={`${consolePaths.home}/users`}>{t('admin.nav.users')}</a>
          {admin.role === 'admin' ? (
            <>
              <a href={`${consolePaths.home}/audit`}>{t('admin.nav.audit')}</a>
              <a href={`${consolePaths.home}/api-tokens`}>{t('admin.nav.tokens')}</a>
              <a href={`${consolePaths.home}/applications`}>{t('admin.nav.applications')}</a>
              <a href={`${consolePaths.home}/keys`}>{t('admin.nav.keys')}</a>
              <a href={`${consolePaths.home}/organization`}>{t('admin.nav.organization')}</a>
              <a href={`${consolePaths.home}/groups`}>{t('admin.nav.groups')}</a>
              <a href={`${consolePaths.home}/policy`}>{t('admin.nav.policy')}</a>
            </>
          ) : null}
        </nav>
        <span>
          {t('admin.signedInAs', {
            username: admin.username,
            role: t(admin.role === 'admin' ? 'admin.role.admin' : 'admin.role.helpdesk'),
          })}{' '}
          <form method="post" action={`${consolePaths.home}/sign-out`}>
            <input type="hidden" name="csrf" value={admin.csrf} />
            <button type="submit" class="link-button">
              {t('admin.signOut')}
            </button>
          </form>
        </span>
      </div>
      {props.children}
    </Layout>
  );
}
