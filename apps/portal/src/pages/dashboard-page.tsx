/** The signed-in client's space: greeting, accounts, recent documents, security and sign-out. */
import type { VNode } from 'preact';
import {
  type DemoAccount,
  type DemoDocument,
  demoAccounts,
  demoDocuments,
  formatCad,
  formatDate,
  formatDateTime,
} from '../demo-data.ts';
import type { Messages } from '../i18n/en.ts';
import { format, type Lang, localeFor, messagesFor } from '../i18n/language.ts';
import type { Payee } from '../payees.ts';
import type { SignedInUser } from '../session-store.ts';
import { Layout } from './layout.tsx';
import { PayeesSection } from './payees-section.tsx';

export interface DashboardPageProps {
  lang: Lang;
  user: SignedInUser;
  csrfToken: string;
  accountUrl: string;
  nowMs: number;
  payees: readonly Payee[];
  /** The payee just added (after its approval), confirmed once. */
  addedPayee?: string | undefined;
  /** The « Ajouter un bénéficiaire » form's name, when it was refused. */
  rejectedPayeeName?: string | undefined;
}

type DashboardMessages = Messages['dashboard'];

export function DashboardPage(props: DashboardPageProps): VNode {
  const { lang, user } = props;
  const t = messagesFor(lang).dashboard;
  const displayName = user.name ?? user.email;
  const greeting =
    displayName === undefined ? t.greetingAnonymous : format(t.greeting, { name: displayName });
  return (
    <Layout
      lang={lang}
      title={t.title}
      path="/dashboard"
      headerActions={<SignOutForm t={t} csrfToken={props.csrfToken} />}
    >
      <h1>{greeting}</h1>
      <p class="lead">{t.intro}</p>
      <AccountsSection t={t} locale={localeFor(lang)} accounts={demoAccounts} />
      <PayeesSection
        lang={lang}
        payees={props.payees}
        csrfToken={props.csrfToken}
        addedPayee={props.addedPayee}
        rejectedName={props.rejectedPayeeName}
      />
      <div class="grid grid--two">
        <DocumentsSection t={t} locale={localeFor(lang)} documents={demoDocuments(props.nowMs)} />
        <SecuritySection t={t} locale={localeFor(lang)} user={user} accountUrl={props.accountUrl} />
      </div>
    </Layout>
  );
}

function SignOutForm({ t, csrfToken }: { t: DashboardMessages; csrfToken: string }): VNode {
  return (
    <form class="signout" method="post" action="/logout" aria-label={t.userMenuLabel}>
      <input type="hidden" name="csrf" value={csrfToken} />
      <button type="submit" class="button button--light">
        {t.signOut}
      </button>
    </form>
  );
}

function AccountsSection(props: {
  t: DashboardMessages;
  locale: string;
  accounts: readonly DemoAccount[];
}): VNode {
  const { t, locale, accounts } = props;
  const totalCents = accounts.reduce((sum, account) => sum + account.balanceCents, 0);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t.accountsTitle}</h2>
      <ul class="accounts">
        {accounts.map((account) => (
          <li class="card account" key={account.lastDigits}>
            <h3 class="account__name">{t[account.labelKey]}</h3>
            <p class="account__number">
              {format(t.accountNumber, { number: `•••• ${account.lastDigits}` })}
            </p>
            <p class="account__balance">
              <span class="account__balance-label">{t.balance}</span>{' '}
              <span class="amount">{formatCad(account.balanceCents, locale)}</span>
            </p>
          </li>
        ))}
      </ul>
      <p class="total">
        {t.totalBalance} <span class="amount">{formatCad(totalCents, locale)}</span>
      </p>
    </section>
  );
}

function DocumentsSection(props: {
  t: DashboardMessages;
  locale: string;
  documents: DemoDocument[];
}): VNode {
  const { t, locale, documents } = props;
  return (
    <section class="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t.documentsTitle}</h2>
      <table class="documents">
        <thead>
          <tr>
            <th scope="col">{t.documentName}</th>
            <th scope="col">{t.documentDate}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.issuedAtMs}>
              <td>{t[document.labelKey]}</td>
              <td>{formatDate(document.issuedAtMs, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SecuritySection(props: {
  t: DashboardMessages;
  locale: string;
  user: SignedInUser;
  accountUrl: string;
}): VNode {
  const { t, locale, user } = props;
  // amr lists the methods used (RFC 8176); "mfa" or two methods mean a second factor was used.
  const usedMfa = user.amr.includes('mfa') || user.amr.length >= 2;
  return (
    <section class="card" aria-labelledby="security-title">
      <h2 id="security-title">{t.securityTitle}</h2>
      {user.authTime === undefined ? null : (
        <p>{format(t.signedInAt, { date: formatDateTime(user.authTime * 1000, locale) })}</p>
      )}
      <p class={usedMfa ? 'status status--ok' : 'status status--warn'}>
        {usedMfa ? t.mfaUsed : t.mfaNotUsed}
      </p>
      <p>{t.securityText}</p>
      <a class="button button--secondary" href={props.accountUrl}>
        {t.securityLink}
      </a>
    </section>
  );
}
