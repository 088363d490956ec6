"""Reading a library's URL: `?q=&orden=&page=` and the filters, validated.

Nothing a visitor types breaks a page: control characters are dropped, long
searches cut, and every unknown value is ignored with a notice (`avisos`) that
says so. `_url()` writes the URL back with some parameters changed.
"""

import re

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

POR_PAGINA = 20
MAX_VALORES = 20
MAX_Q = 200
ORDENES = {
    "recientes": gettext_lazy("Más recientes"),
    "replicadas": gettext_lazy("Más replicadas"),
    "az": gettext_lazy("A–Z"),
}
ORDENES_HERRAMIENTAS = {k: v for k, v in ORDENES.items() if k != "replicadas"}
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class LecturaDeParametros:
    """Reads `self.params` (the request's GET) into clean values and `self.avisos`."""

    ordenes = ORDENES

    def _leer_q(self):
        q = CONTROL.sub(" ", self.params.get("q", ""))
        q = " ".join(q.split())
        if len(q) > MAX_Q:
            self.avisos.append(
                _("La búsqueda era muy larga: se usaron sus primeros %(n)d caracteres.")
                % {"n": MAX_Q}
            )
            q = q[:MAX_Q]
        return q

    def _leer_orden(self):
        orden = self.params.get("orden", "")
        if orden and orden not in self.ordenes:
            self.avisos.append(
                _("No conocemos el orden «%(orden)s»: se muestran las más recientes.")
                % {"orden": orden[:40]}
            )
            orden = ""
        return orden or "recientes"

    def _valores(self, nombre):
        valores = []
        for valor in self.params.getlist(nombre):
            valor = CONTROL.sub("", valor).strip()
            if valor and valor not in valores:
                valores.append(valor)
        return valores[:MAX_VALORES]

    def _validar(self, nombre, validos, etiqueta):
        """Keeps the known values of a parameter and explains the unknown ones."""
        elegidos = []
        for valor in self._valores(nombre):
            if valor in validos:
                elegidos.append(valor)
            else:
                self.avisos.append(
                    _("No existe %(que)s «%(valor)s»: se ignoró ese filtro.")
                    % {"que": etiqueta, "valor": valor[:40]}
                )
        return elegidos

    def _url(self, **cambios):
        """The current URL with some parameters replaced (None removes them)."""
        params = QueryDict(mutable=True)
        if self.q:
            params["q"] = self.q
        for nombre, valores in self.filtros.items():
            params.setlist(nombre, valores)
        if self.orden != "recientes":
            params["orden"] = self.orden
        for nombre, valor in cambios.items():
            if valor is None:
                params.pop(nombre, None)
            elif isinstance(valor, list):
                params.setlist(nombre, valor)
            else:
                params[nombre] = valor
        texto = params.urlencode()
        return f"?{texto}" if texto else "?"
