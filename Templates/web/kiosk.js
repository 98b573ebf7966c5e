// The kiosk (BMS): after its idle time without any input, the session ends by itself, as if "Terminer" had been
// pressed (the server's session lapses at the same moment, so nothing depends on this script).
(function () {
  var seconds = parseInt(document.body.getAttribute("data-idle") || "0", 10);
  var form = document.getElementById("fin");
  if (!seconds || !form) { return; }
  var timer;
  function restart() {
    clearTimeout(timer);
    timer = setTimeout(function () { form.submit(); }, seconds * 1000);
  }
  ["mousemove", "mousedown", "keydown", "touchstart", "scroll"].forEach(function (name) {
    document.addEventListener(name, restart, { passive: true });
  });
  restart();
}());
