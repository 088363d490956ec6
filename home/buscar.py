"""Site search (`/buscar/?q=`): every live, public page of the visitor's language.

A GET never writes to the database: no search-hit counters (on SQLite they
caused "database is locked" under concurrent load).
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

RESULTADOS_POR_PAGINA = 10
LARGO_MAXIMO_CONSULTA = 200


@require_safe
def buscar(request):
    # Control characters (NUL included) mean nothing in a search and make the
    # SQLite full-text index raise: they become spaces.
    consulta = "".join(c if c.isprintable() else " " for c in request.GET.get("q", "")).strip()
    contexto = {"consulta": consulta, "resultados": None, "error": None}
    status = 200

    if len(consulta) > LARGO_MAXIMO_CONSULTA:
        contexto["error"] = _(
            "La búsqueda es demasiado larga. Use menos de %(maximo)s caracteres."
        ) % {"maximo": LARGO_MAXIMO_CONSULTA}
        contexto["consulta"] = consulta[:LARGO_MAXIMO_CONSULTA]
        status = 400
    elif consulta:
        paginas = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=2)
            .specific()
            .search(consulta, operator="and")
        )
        paginator = Paginator(paginas, RESULTADOS_POR_PAGINA)
        numero = request.GET.get("page", "1")
        if not numero.isdigit() or not 1 <= int(numero) <= max(paginator.num_pages, 1):
            raise Http404(_("Esa página de resultados no existe."))
        contexto["resultados"] = paginator.page(int(numero))
        contexto["paginator"] = paginator
        contexto["parametros"] = urlencode({"q": consulta})

    return TemplateResponse(request, "home/buscar.html", contexto, status=status)
