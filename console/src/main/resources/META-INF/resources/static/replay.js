// A bulk replay's page reads its job list again every two seconds until every job is done (the list
// says so in data-running); the services replay a few records per second. Without JavaScript the page
// still shows where the jobs were when it was opened; reloading it shows them now.
(function () {
  var jobs = document.getElementById('jobs');
  var hint = document.getElementById('refreshing');
  if (!jobs || jobs.getAttribute('data-running') !== 'true') { return; }
  var EVERY = 2000;

  function read() {
    fetch(jobs.getAttribute('data-progress'), { headers: { 'X-Requested-With': 'JavaScript' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 499 || response.redirected) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) { setTimeout(read, EVERY); return; }
        jobs.innerHTML = html;
        // still running while any job's section says so
        if (jobs.querySelector('section.job[data-state="running"]')) {
          setTimeout(read, EVERY);
        } else if (hint) {
          hint.hidden = true;
        }
      })
      .catch(function () { setTimeout(read, EVERY); });
  }
  setTimeout(read, EVERY);
})();
