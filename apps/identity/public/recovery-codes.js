// The recovery codes page: « Copier » puts the codes on the clipboard (one a line) and says so
// in the page's live region; « Imprimer » opens the browser's print dialog (the print stylesheet
// keeps only the codes). Without JavaScript both stay hidden; « Télécharger » needs none.
(() => {
  const list = document.getElementById('recovery-codes');
  if (!list) return;
  const codes = () => [...list.querySelectorAll('code')].map((code) => code.textContent).join('\n');
  const status = document.querySelector('[data-copied-status]');
  const copied = document.querySelector('[data-copied-text]')?.innerHTML ?? '';
  const copy = document.querySelector('[data-copy-codes]');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      await navigator.clipboard.writeText(codes());
      if (status) status.textContent = copied;
    });
  }
  const print = document.querySelector('[data-print-codes]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }
})();
