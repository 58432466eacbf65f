/* The live session's pages, enhanced (every form works without this script):
   - the projector and the control page fetch the tally again when the server says the session
     changed (server-sent events), so the count updates within a second;
   - a participant's page reloads when the facilitator opens, closes or ends an activity;
   - the vote form says how many dots are left while they are given.
   The tally is HTML the server escaped; nothing typed by a participant is inserted as markup
   here. */
(function () {
  "use strict";
  var body = document.body;
  var events = body.getAttribute("data-events");
  var tallyUrl = body.getAttribute("data-tally");
  var target = document.getElementById("tally-body");

  function refreshTally() {
    if (!tallyUrl || !target) { return; }
    fetch(tallyUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        target.replaceChildren.apply(target, Array.prototype.slice.call(parsed.body.childNodes));
        body.setAttribute("data-updated", String(Date.now()));
      })
      .catch(function () { /* the next event tries again */ });
  }

  if (events && typeof EventSource !== "undefined") {
    var source = new EventSource(events);
    var page = body.getAttribute("data-page");
    var current = body.getAttribute("data-current");
    source.onmessage = function (e) {
      if (page === "participant") {
        if (e.data !== current) { window.location.reload(); }
      } else {
        refreshTally();
      }
    };
    window.addEventListener("pagehide", function () { source.close(); });
  }

  var form = document.querySelector("form[data-dots]");
  if (form) {
    var allowance = parseInt(form.getAttribute("data-dots"), 10);
    var said = document.getElementById("dots-left");
    var one = said ? said.getAttribute("data-one") : "";
    var many = said ? said.getAttribute("data-many") : "";
    var inputs = form.querySelectorAll("input.dots");
    var update = function () {
      var used = 0;
      inputs.forEach(function (i) { used += parseInt(i.value || "0", 10) || 0; });
      var left = allowance - used;
      var shown = Math.max(left, 0);
      if (said) { said.textContent = (shown === 1 ? one : many).replace("#", String(shown)); }
      form.querySelector("button[type=submit]").disabled = left < 0 || used === 0;
    };
    inputs.forEach(function (i) { i.addEventListener("input", update); });
    update();
  }
  body.setAttribute("data-ready", "1");
})();
