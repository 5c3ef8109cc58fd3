// Replay and discard, of one dead letter or of all the filter selects: ask first, then send the operator's name with
// the form (the token travels in the sign-in cookie). The name is kept for the browser tab's session only, so that the
// page after the action does not ask again.
document.addEventListener('DOMContentLoaded', () => {
  const operator = document.getElementById('operator');
  if (!operator) {
    return;
  }
  operator.value = sessionStorage.getItem('operator') || '';
  document.querySelectorAll('form.redrive').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      sessionStorage.setItem('operator', operator.value);
      form.elements.operator.value = operator.value;
    });
  });
});
