// A form with data-webauthn runs its ceremony when it is sent: the security key or the device's
// biometrics answer the server's options (data-options) through @simplewebauthn/browser, and the
// form posts that answer (JSON) in its data-webauthn-response field. The server checks all of it.
(() => {
  const lib = window.SimpleWebAuthnBrowser;
  for (const form of document.querySelectorAll('form[data-webauthn]:not([data-bound])')) {
    form.setAttribute('data-bound', '');
    const field = form.querySelector('[data-webauthn-response]');
    const status = form.querySelector('[data-webauthn-status]');
    const failed = form.querySelector('[data-webauthn-error]');
    const unsupported = form.querySelector('[data-webauthn-unsupported]');
    const button = form.querySelector('button[type="submit"]');
    if (!lib?.browserSupportsWebAuthn()) {
      unsupported?.removeAttribute('hidden');
      button?.setAttribute('disabled', '');
      continue;
    }
    form.addEventListener('submit', async (event) => {
      if (field.value !== '') return;
      event.preventDefault();
      failed?.setAttribute('hidden', '');
      button?.setAttribute('disabled', '');
      if (status) status.textContent = status.dataset.waiting ?? '';
      try {
        const optionsJSON = JSON.parse(form.dataset.options);
        const answer =
          form.dataset.webauthn === 'create'
            ? await lib.startRegistration({ optionsJSON })
            : await lib.startAuthentication({ optionsJSON });
        field.value = JSON.stringify(answer);
        form.submit();
      } catch {
        // Cancelled, timed out, or no key for this site: say so, and let the user try again.
        if (status) status.textContent = '';
        failed?.removeAttribute('hidden');
        button?.removeAttribute('disabled');
        button?.focus();
      }
    });
  }
})();
