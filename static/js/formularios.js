// The public forms, better with JavaScript (GOV.UK's error summary pattern):
// after a submission with errors the focus goes to the summary, so a screen
// reader reads what to correct first; a summary link takes the focus to its
// field and shows the field's label (or its group's legend) above it.
// Without JavaScript the summary is still the first thing above the form.
(function () {
  "use strict";

  function enfocarResumen() {
    var resumen = document.querySelector(".error-summary[tabindex='-1']");
    if (resumen) {
      resumen.focus();
    }
  }

  function irAlCampo(evento) {
    var enlace = evento.target.closest(".error-summary a[href^='#']");
    if (!enlace) {
      return;
    }
    var campo = document.getElementById(enlace.getAttribute("href").slice(1));
    if (!campo) {
      return;
    }
    evento.preventDefault();
    var grupo = campo.closest("fieldset");
    var titulo = grupo
      ? grupo.querySelector("legend")
      : document.querySelector("label[for='" + campo.id + "']");
    (titulo || campo).scrollIntoView();
    campo.focus({ preventScroll: true });
  }

  enfocarResumen();
  document.addEventListener("click", irAlCampo);
})();
