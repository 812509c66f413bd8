/**
 * « Organisation » in the console (administrators only): the organization's name, logo, accent
 * colour and support contact, each its own form, with what is set now. Phone first: one column.
 */
import type { ComponentChildren, VNode } from 'preact';
import { logoPath } from '../branding/branding-context.ts';
import type { Branding } from '../branding/branding-settings.ts';
import { maxOrganizationNameLength } from '../branding/change-branding.ts';
import type { MessageKey } from '../ui/i18n/messages.ts';
import { ConsoleLayout, type ConsolePageProps } from './console-layout.tsx';

/** What the forms show: the stored values, or those just refused (kept for a correction). */
export interface OrganizationForm {
  name: string;
  accent: string;
  email: string;
  phone: string;
  url: string;
}

export const organizationPath = '/admin/organization';

/** Sesame's own accent (public/sesame.css), shown when none is set. */
const defaultAccent = '#0b5cad';

export function OrganizationPage(
  props: ConsolePageProps & {
    stored: Branding;
    form: OrganizationForm;
    done: MessageKey | undefined;
    problem: { code: string; message: MessageKey } | undefined;
  },
) {
  const { t, stored, form } = props;
  const csrf = <input type="hidden" name="csrf" value={props.admin.csrf} />;
  /** One field of the support contact, with what is stored (or was just refused). */
  const SupportField = (field: {
    id: string;
    name: 'email' | 'phone' | 'url';
    type: 'email' | 'tel' | 'url';
    maxLength: number;
    children: string;
  }) => (
    <div>
      <label for={field.id}>{field.children}</label>
      <input
        id={field.id}
        name={field.name}
        // Preact types each input type apart; these three take the same attributes.
        type={field.type as 'url'}
        maxLength={field.maxLength}
        autocomplete="off"
        placeholder={field.type === 'url' ? 'https://' : undefined}
        value={form[field.name]}
      />
    </div>
  );
  return (
    <ConsoleLayout {...props} title={t('admin.org.title')}>
      <h1>{t('admin.org.title')}</h1>
      <p>{t('admin.org.intro')}</p>
      {props.done ? (
        <p class="alert ok" role="status">
          {t(props.done)}
        </p>
      ) : null}
      {props.problem ? (
        <p class="alert error" role="alert" data-error-code={props.problem.code}>
          {t(props.problem.message)}
        </p>
      ) : null}

      <section class="org-settings" aria-labelledby="org-name-heading">
        <h2 id="org-name-heading">{t('admin.org.nameSection')}</h2>
        <SettingForm csrf={csrf} action="name" submit={t('admin.org.save')}>
          <div>
            <label for="org-name">{t('admin.org.name')}</label>
            <input
              id="org-name"
              name="name"
              type="text"
              maxLength={maxOrganizationNameLength}
              autocomplete="organization"
              aria-describedby="org-name-help"
              value={form.name}
            />
            <p id="org-name-help" class="help">
              {t('admin.org.nameHelp')}
            </p>
          </div>
        </SettingForm>
      </section>

      <section class="org-settings" aria-labelledby="org-logo-heading">
        <h2 id="org-logo-heading">{t('admin.org.logoSection')}</h2>
        {stored.logo === undefined ? (
          <p class="muted">{t('admin.org.noLogo')}</p>
        ) : (
          <p>
            <img
              class="branding-preview"
              src={logoPath(stored.logo)}
              alt={t('admin.org.logoCurrent')}
            />
          </p>
        )}
        <SettingForm csrf={csrf} action="logo" submit={t('admin.org.logoUpload')} upload>
          <div>
            <label for="org-logo">{t('admin.org.logo')}</label>
            <input
              id="org-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              required
              aria-describedby="org-logo-help"
            />
            <p id="org-logo-help" class="help">
              {t('admin.org.logoHelp')}
            </p>
          </div>
        </SettingForm>
        {stored.logo === undefined ? null : (
          <SettingForm
            csrf={csrf}
            action="logo/remove"
            submit={t('admin.org.logoRemove')}
            secondary
          />
        )}
      </section>

      <section class="org-settings" aria-labelledby="org-colour-heading">
        <h2 id="org-colour-heading">{t('admin.org.colourSection')}</h2>
        {stored.accent === undefined ? <p class="muted">{t('admin.org.colourIsDefault')}</p> : null}
        <SettingForm csrf={csrf} action="colour" submit={t('admin.org.save')}>
          <div>
            <label for="org-colour">{t('admin.org.colour')}</label>
            <input
              id="org-colour"
              name="colour"
              type="color"
              aria-describedby="org-colour-help"
              value={form.accent || defaultAccent}
            />
            <p id="org-colour-help" class="help">
              {t('admin.org.colourHelp')}
            </p>
          </div>
        </SettingForm>
        {stored.accent === undefined ? null : (
          <SettingForm csrf={csrf} action="colour" submit={t('admin.org.colourDefault')} secondary>
            <input type="hidden" name="colour" value="" />
          </SettingForm>
        )}
      </section>

      <section class="org-settings" aria-labelledby="org-support-heading">
        <h2 id="org-support-heading">{t('admin.org.supportSection')}</h2>
        <p class="help">{t('admin.org.supportHelp')}</p>
        <SettingForm csrf={csrf} action="support" submit={t('admin.org.save')}>
          <SupportField id="support-email" name="email" type="email" maxLength={254}>
            {t('admin.org.supportEmail')}
          </SupportField>
          <SupportField id="support-phone" name="phone" type="tel" maxLength={30}>
            {t('admin.org.supportPhone')}
          </SupportField>
          <SupportField id="support-url" name="url" type="url" maxLength={300}>
            {t('admin.org.supportUrl')}
          </SupportField>
        </SettingForm>
      </section>
    </ConsoleLayout>
  );
}

/** One setting's form: its fields, the console's token, its button (« Enregistrer »…). */
function SettingForm(props: {
  csrf: VNode;
  action: string;
  submit: string;
  /** The logo's: a file. */
  upload?: boolean;
  /** A second form beside the first (« Retirer le logo », « Couleur par défaut »). */
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={`${organizationPath}/${props.action}`}
      enctype={props.upload ? 'multipart/form-data' : undefined}
    >
      {props.csrf}
      {props.children}
      <button type="submit" class={props.secondary ? 'button secondary' : 'button'}>
        {props.submit}
      </button>
    </form>
  );
}

/** The forms as stored. */
export function storedForm(branding: Branding): OrganizationForm {
  return {
    name: branding.name ?? '',
    accent: branding.accent ?? '',
    email: branding.support.email ?? '',
    phone: branding.support.phone ?? '',
    url: branding.support.url ?? '',
  };
}
