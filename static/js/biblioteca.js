// A library on a phone: its filters start folded under «Filtrar», so the results
// come first; on a wide screen they stay open beside the results. Without
// JavaScript they are open (each facet shows its first options only).
(function () {
  "use strict";

  var filtros = document.getElementById("filtros");
  if (!filtros) {
    return;
  }
  var ancho = window.matchMedia("(min-width: 48.01rem)");

  function ajustar() {
    filtros.open = ancho.matches;
  }

  ajustar();
  ancho.addEventListener("change", ajustar);
})();
