// The QR page waits for the phone: the server tells it (server-sent events) when the device is
// enrolled, and it moves on by itself — the user never types the app's code (the guide's step 8).
// Stops listening when the page is left or the code expires.
(() => {
  const root = document.querySelector('[data-enrollment-events]');
  if (!root || !('EventSource' in window)) return;
  const source = new EventSource(root.dataset.enrollmentEvents);
  const stop = () => source.close();
  source.addEventListener('enrolled', () => {
    stop();
    window.location.assign(root.dataset.next);
  });
  source.addEventListener('expired', () => {
    stop();
    root.querySelector('[data-qr]')?.setAttribute('hidden', '');
    root.querySelector('[data-waiting]')?.setAttribute('hidden', '');
    root.querySelector('[data-expired]')?.removeAttribute('hidden');
  });
  window.addEventListener('pagehide', stop);
})();
