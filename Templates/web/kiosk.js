// The kiosk (BMS): its idle time after the page was served, the session ends by itself, as if "Terminer" had been
// pressed. The count starts with the page, as the server's own deadline does (each page renews the session), so
// the screen is cleared when the session lapses; nothing depends on this script.
(function () {
  var seconds = parseInt(document.body.getAttribute("data-idle") || "0", 10);
  var form = document.getElementById("fin");
  if (!seconds || !form) { return; }
  setTimeout(function () { form.submit(); }, seconds * 1000);
}());
