// Progressive enhancement of the workshop board: the page works by reloading; with JavaScript, the board refreshes
// itself (and the join code, which animateurs may renew) when the server's event stream says the meeting's workshop
// changed; the stream is offered only to those who take part. The card form is outside the refreshed part, so that
// what a participant is typing is never lost.
(function () {
  "use strict";
  var board = document.getElementById("tableau");
  if (!board || !board.getAttribute("data-flux") || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var status = document.getElementById("board-status");
  var seen = board.getAttribute("data-version");
  var source = new EventSource(board.getAttribute("data-flux"));
  source.addEventListener("version", function (event) {
    if (event.data === seen) { return; }
    seen = event.data;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("tableau");
        if (!fresh) { return; }
        board.replaceChildren.apply(board, Array.prototype.slice.call(fresh.childNodes));
        var code = document.getElementById("rejoindre"), freshCode = page.getElementById("rejoindre");
        if (code && freshCode) { code.replaceChildren.apply(code, Array.prototype.slice.call(freshCode.childNodes)); }
        if (status) { status.textContent = "Le tableau vient d'être mis à jour."; }
      })
      .catch(function () { /* the next event, or a reload, brings the board up to date */ });
  });
})();
