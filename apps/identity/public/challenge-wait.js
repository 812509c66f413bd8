// The push page waits for the phone: the server tells it (server-sent events) when the request is
// settled. Approved, expired or replaced: the page sends its form, so that the server decides the
// step in one place. Denied (« Ce n'était pas moi »): the sign-in has ended on the server already;
// the page says so. Without JavaScript, the « Continuer » button sends the same form.
(() => {
  const root = document.querySelector('[data-challenge-events]');
  if (!root || !('EventSource' in window)) return;
  const form = root.querySelector('[data-settled-form]');
  root.querySelector('[data-continue]')?.setAttribute('hidden', '');
  const source = new EventSource(root.dataset.challengeEvents);
  const settled = () => {
    source.close();
    form.submit();
  };
  for (const event of ['approved', 'mismatch', 'expired', 'cancelled', 'consumed'])
    source.addEventListener(event, settled);
  source.addEventListener('denied', () => {
    source.close();
    window.location.assign(root.dataset.denied);
  });
  // A stream the server refused (the sign-in ended before it opened): the form says where it is.
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) form.submit();
  });
  window.addEventListener('pagehide', () => source.close());
})();
