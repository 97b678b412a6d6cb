// Progressive enhancement only: every page works without JavaScript.
import { initAll } from "./nhsuk-frontend/nhsuk-frontend.min.js";

initAll();

// Printed reports show every "Why this matters" and "What is behind each score" section.
const opened = [];
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((el) => {
    el.open = true;
    opened.push(el);
  });
});
window.addEventListener("afterprint", () => {
  opened.splice(0).forEach((el) => { el.open = false; });
});

document.querySelectorAll(".app-print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Forms without an action post to the page's own address, including any #fragment the skip link
// left there; the page that comes back would then scroll to that fragment and take focus away
// from its error summary. Post to the address without the fragment instead.
document.querySelectorAll("form:not([action])").forEach((form) => {
  form.setAttribute("action", window.location.pathname + window.location.search);
});
