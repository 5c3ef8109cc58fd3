// Replay and discard, of one dead letter or of all the filter selects: ask first, then send the operator's name and
// token with the form. Both are kept for the browser tab's session only, so that the page after the action does not
// ask again.
document.addEventListener('DOMContentLoaded', () => {
  const operator = document.getElementById('operator');
  const token = document.getElementById('token');
  if (!operator || !token) {
    return;
  }
  operator.value = sessionStorage.getItem('operator') || '';
  token.value = sessionStorage.getItem('token') || '';
  document.querySelectorAll('form.redrive').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      sessionStorage.setItem('operator', operator.value);
      sessionStorage.setItem('token', token.value);
      form.elements.operator.value = operator.value;
      form.elements.token.value = token.value;
    });
  });
});
