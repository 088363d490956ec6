/*
 * Live update of the plain-language panel (home/panels.py): while the editor
 * types, the text of each analysed field is sent to the admin endpoint and the
 * field's result is replaced with the HTML it returns.
 */
(function () {
  "use strict";

  var ESPERA_MS = 800;
  var CAMPOS_DE_TEXTO = 'textarea, input[type="text"], [contenteditable="true"]';

  function textoDe(contenedor) {
    var partes = [];
    contenedor.querySelectorAll(CAMPOS_DE_TEXTO).forEach(function (elemento) {
      var texto = elemento.isContentEditable ? elemento.innerText : elemento.value;
      if (texto && texto.trim()) {
        partes.push(texto.trim());
      }
    });
    return partes.join("\n");
  }

  function tokenCsrf(formulario) {
    var campo = formulario && formulario.querySelector('input[name="csrfmiddlewaretoken"]');
    return campo ? campo.value : "";
  }

  function iniciar(panel) {
    var formulario = panel.closest("form");
    var estado = panel.querySelector("[data-lenguaje-estado]");
    var salidas = panel.querySelectorAll("[data-lenguaje-campo]");
    var ultimos = {};
    var temporizador = null;

    function actualizarCampo(salida) {
      var nombre = salida.dataset.lenguajeCampo;
      var campo = document.querySelector('[data-contentpath="' + CSS.escape(nombre) + '"]');
      if (!campo) {
        return Promise.resolve(null);
      }
      var texto = textoDe(campo);
      if (ultimos[nombre] === texto) {
        return Promise.resolve(null);
      }
      ultimos[nombre] = texto;
      var datos = new FormData();
      datos.append("texto", texto);
      datos.append("etiqueta", salida.dataset.lenguajeEtiqueta || nombre);
      return fetch(panel.dataset.url, {
        method: "POST",
        body: datos,
        credentials: "same-origin",
        headers: { "X-CSRFToken": tokenCsrf(formulario) },
      })
        .then(function (respuesta) {
          if (!respuesta.ok) {
            throw new Error(respuesta.status);
          }
          return respuesta.json();
        })
        .then(function (resultado) {
          salida.innerHTML = resultado.html;
          return salida.dataset.lenguajeEtiqueta + ": " + Math.round(resultado.szigriszt_pazos || 0) + "/100";
        });
    }

    function actualizar() {
      Promise.all(Array.prototype.map.call(salidas, actualizarCampo))
        .then(function (resumenes) {
          var cambios = resumenes.filter(Boolean);
          if (cambios.length && estado) {
            estado.textContent = estado.dataset.actualizado + " " + cambios.join(" · ");
          }
        })
        .catch(function () {
          if (estado) {
            estado.textContent = estado.dataset.error;
          }
        });
    }

    function programar() {
      window.clearTimeout(temporizador);
      temporizador = window.setTimeout(actualizar, ESPERA_MS);
    }

    if (formulario) {
      formulario.addEventListener("input", programar);
      formulario.addEventListener("change", programar);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-lenguaje-claro]").forEach(iniciar);
  });
})();
