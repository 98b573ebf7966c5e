// The web account and the app: « Suivant » becomes usable once the step's required fields are filled (seed 004).
// Progressive enhancement only: without this script the button is always usable and the service checks every
// field, as it does with it.
(function () {
  var forms = document.querySelectorAll("form[data-required-step]");
  Array.prototype.forEach.call(forms, function (form) {
    var button = form.querySelector("button[type=submit]");
    if (!button) { return; }
    function filled() {
      var fields = form.querySelectorAll("[aria-required=true]");
      for (var i = 0; i < fields.length; i++) {
        var field = fields[i];
        if (field.tagName === "FIELDSET") {
          if (!field.querySelector("input:checked")) { return false; }
        } else if (!field.value || !field.value.trim()) {
          return false;
        }
      }
      return true;
    }
    function update() { button.disabled = !filled(); }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  });
}());
