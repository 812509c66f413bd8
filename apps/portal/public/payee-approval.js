// The approval page moves on by itself: every 2 s it posts the same check as its « Vérifier »
// button (the portal keeps to the issuer's polling interval), and follows where the answer leads.
(() => {
  const form = document.querySelector('form[data-approval-status]');
  const csrf = form?.querySelector('input[name="csrf"]');
  if (!form || !csrf) return;
  const delayMs = 2000;
  const check = async () => {
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({ csrf: csrf.value }),
        credentials: 'same-origin',
      });
      const status = response.ok ? await response.json() : undefined;
      if (status && typeof status.location === 'string') {
        window.location.assign(status.location);
        return;
      }
    } catch {
      // A network hiccup: try again at the next tick.
    }
    setTimeout(check, delayMs);
  };
  setTimeout(check, delayMs);
})();
