// The live feed. The console relays notification-service's WebSocket feed as Server-Sent Events
// (/duty/live): when it says a notification arrived, the list is read again at once (/duty/feed). The list
// is also read every few seconds (more often while that connection is down), for the agency's
// notifications that are addressed to someone else. Without JavaScript the page still works; it only
// does not refresh by itself.
(function () {
  var feed = document.getElementById('feed');
  var status = document.getElementById('live');
  if (!feed) { return; }
  var polling = parseInt(feed.getAttribute('data-refresh'), 10) || 4000;
  var pollingLive = parseInt(feed.getAttribute('data-refresh-live'), 10) || 20000;
  var live = false;
  var last = feed.innerHTML;
  var timer = null;
  var reading = false;
  var again = false;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(read, live ? pollingLive : polling);
  }

  function read() {
    if (reading) { again = true; return; }
    reading = true;
    // X-Requested-With: an expired session answers 499 instead of redirecting to the login page
    fetch('/duty/feed', { headers: { 'X-Requested-With': 'JavaScript' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 499 || response.redirected) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== last) {
          feed.innerHTML = html;
          last = feed.innerHTML;
        }
      })
      .catch(function () { /* the next read tries again */ })
      .then(function () {
        reading = false;
        if (again) { again = false; read(); } else { schedule(); }
      });
  }

  function setLive(on) {
    if (live === on) { return; }
    live = on;
    if (status) { status.textContent = status.getAttribute(on ? 'data-live' : 'data-polling'); }
    schedule();
  }

  if (window.EventSource) {
    var source = new EventSource('/duty/live');
    source.onmessage = function (event) {
      if (event.data === 'connected') { setLive(true); } else if (event.data === 'notification') { read(); }
    };
    // the browser reconnects by itself; meanwhile the list is read more often
    source.onerror = function () { setLive(false); };
  }
  schedule();
})();
