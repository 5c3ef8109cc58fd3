// Replay and discard, of one dead letter or of all the filter selects: ask first. The token travels in the sign-in
// cookie and names who acts.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('form.redrive').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
