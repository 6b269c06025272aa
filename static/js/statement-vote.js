// Voting on statements without a full page load. Without JavaScript every statement is a plain
// form (agree / disagree / pass) whose answer brings the next statement on a new page; this
// script only sends that same form (with its CSRF token) in the background, puts the next
// statement in place of the answered one, moves the focus to its heading and announces the
// vote in the live region. On any error the form is sent the ordinary way instead.
(function () {
  "use strict";
  var card = document.getElementById("statement");
  var live = document.getElementById("statement-announce");
  if (!card || !live || !window.fetch || !window.DOMParser || !window.FormData) { return; }
  var lastButton = null;
  var busy = false;

  function isVoteForm(form) {
    return form && form.classList && form.classList.contains("statement-card__form");
  }

  // The button that sent the form (event.submitter where the browser has it).
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[name=value]") : null;
    if (button && isVoteForm(button.form)) { lastButton = button; }
  });

  function submitTheOrdinaryWay(form, button) {
    form.setAttribute("data-plain", "1");
    if (button) {
      var value = document.createElement("input");
      value.type = "hidden";
      value.name = button.name;
      value.value = button.value;
      form.appendChild(value);
    }
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
    HTMLFormElement.prototype.submit.call(form);
  }

  function swap(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var next = page.getElementById("statement");
    if (!next) { return false; }
    var progress = document.querySelector(".statements__progress");
    var nextProgress = page.querySelector(".statements__progress");
    if (progress && nextProgress) { progress.textContent = nextProgress.textContent; }
    var current = document.getElementById("statement");
    current.parentNode.replaceChild(document.importNode(next, true), current);
    var heading = document.getElementById("statement-heading");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    var message = live.getAttribute("data-saved") || "";
    if (nextProgress) { message += " " + nextProgress.textContent.trim(); }
    // Emptied first, so that the same words twice are still announced.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
    return true;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!isVoteForm(form) || form.hasAttribute("data-plain")) { return; }
    var button = event.submitter || lastButton;
    if (!button || button.form !== form) { return; }
    event.preventDefault();
    if (busy) { return; }
    busy = true;
    var data = new FormData(form);
    data.append(button.name, button.value);
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "text/html" },
    })
      .then(function (response) {
        if (!response.ok || response.url.indexOf(window.location.origin) !== 0) { throw new Error("vote refused"); }
        return response.text();
      })
      .then(function (html) {
        if (!swap(html)) { throw new Error("no statement in the answer"); }
        busy = false;
      })
      .catch(function () {
        busy = false;
        submitTheOrdinaryWay(form, button);
      });
  });
})();
