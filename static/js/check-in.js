// Check-in list: filter people as the organiser types. Without JavaScript the
// search button asks the server for the same list, so this is only a shortcut.
(function () {
  "use strict";
  var list = document.querySelector("[data-check-in-list]");
  var input = document.querySelector(".check-in-search input[type=search]");
  var status = document.getElementById("check-in-results");
  if (!list || !input || !status) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-search]"));
  var timer = null;

  // The server renders the announcement for every possible count in each language's plural forms.
  var shownTexts = [];
  try { shownTexts = JSON.parse(status.getAttribute("data-shown-texts") || "[]"); } catch (e) { shownTexts = []; }

  function announce(count) {
    if (typeof shownTexts[count] === "string") { status.textContent = shownTexts[count]; }
  }

  function filter() {
    var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var haystack = item.getAttribute("data-search");
      var match = words.every(function (word) { return haystack.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    // Announce after a pause, not on every key stroke.
    clearTimeout(timer);
    timer = setTimeout(function () { announce(shown); }, 400);
  }

  input.addEventListener("input", filter);
})();
