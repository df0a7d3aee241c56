// The editors' page (/kvalitet/{federation}): confirm or reject a possible duplicate with the federation's API key.
// The key is read from the field when a button is pressed, sent once as a bearer header, and never stored
// (no cookie, no local storage). Without JavaScript the page still shows the pairs and how to decide by API.
(function () {
  'use strict';
  var section = document.getElementById('dubbletter');
  if (!section) { return; }
  var keyField = document.getElementById('api-nyckel');
  var status = document.getElementById('dubblett-status');
  section.hidden = false;
  document.querySelectorAll('form.beslut').forEach(function (form) {
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var decision = event.submitter ? event.submitter.value : 'confirmed';
      var key = keyField.value.trim();
      if (!key) {
        status.textContent = 'Skriv förbundets API-nyckel först.';
        keyField.focus();
        return;
      }
      var url = '/api/duplicates/' + encodeURIComponent(form.dataset.a) + '/' + encodeURIComponent(form.dataset.b);
      status.textContent = 'Skickar …';
      fetch(url, {
        method: 'PUT',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'Authorization': 'Bearer ' + key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: decision })
      }).then(function (response) {
        if (response.ok) {
          var done = decision === 'confirmed' ? 'Bekräftad som samma insats.' : 'Avvisad: inte samma insats.';
          form.parentNode.replaceChildren(document.createTextNode(done));
          status.textContent = done;
        } else if (response.status === 401 || response.status === 403) {
          status.textContent = 'Nyckeln gäller inte för det här förbundet (svar ' + response.status + ').';
        } else {
          status.textContent = 'Det gick inte att spara (svar ' + response.status + ').';
        }
      }, function () {
        status.textContent = 'Det gick inte att nå Insatsnavet. Försök igen.';
      });
    });
  });
}());
