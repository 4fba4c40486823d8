// eventwatch workbench: the little the pages need beyond HTML. No remote code, no eval.
(function () {
  "use strict";
  // Bring the linked mention (or the first evidence) into view in the article reader.
  function focusTarget() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el) { el.scrollIntoView({block: "center"}); el.classList.add("focused"); }
  }
  // Destructive review actions ask once.
  function confirmDanger(ev) {
    var b = ev.submitter;
    var form = ev.target;
    var risky = (b && b.value === "reject") || form.classList.contains("merge") || form.classList.contains("split");
    if (risky && !window.confirm("Record this decision? It is kept through re-processing.")) { ev.preventDefault(); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    focusTarget();
    var forms = document.querySelectorAll(".review-forms form");
    for (var i = 0; i < forms.length; i++) { forms[i].addEventListener("submit", confirmDanger); }
  });
})();
