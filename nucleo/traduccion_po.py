"""The PO upload of wagtail-localize, with a size limit, a clear error and no leftovers.

wagtail-localize's `upload_pofile` writes the upload to a temporary file and
reads its `X-WagtailLocalize-TranslationID` header: without the header it
answers 500 and leaves the temporary file behind, and a 100 MB file keeps a
worker parsing for minutes. `subir_po` (the same admin URL, registered before
wagtail-localize's in `nucleo/wagtail_hooks.py`) refuses a file over
RED_PO_MAX_BYTES and checks the header in a temporary folder it removes, then
hands a good file to wagtail-localize's own view.
"""

import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

CABECERA = "X-WagtailLocalize-TranslationID"


def _error_del_archivo(archivo):
    if archivo is None:
        return _("Elija un archivo PO para subir.")
    if archivo.size > settings.RED_PO_MAX_BYTES:
        return _("El archivo PO pesa más de %(maximo)s MB: no se importó.") % {
            "maximo": settings.RED_PO_MAX_BYTES // (1024 * 1024)
        }
    with tempfile.TemporaryDirectory() as carpeta:
        ruta = Path(carpeta) / "subido.po"
        with ruta.open("wb") as destino:
            for trozo in archivo.chunks():
                destino.write(trozo)
        try:
            po = polib.pofile(str(ruta))
        except (OSError, UnicodeDecodeError, ValueError):
            return _("El archivo no es un archivo PO válido: no se importó.")
    archivo.seek(0)
    if not po.metadata.get(CABECERA):
        return _(
            "El archivo PO no tiene la cabecera de traducción (%(cabecera)s): descárguelo de "
            "nuevo desde esta traducción y súbalo sin quitarle la cabecera."
        ) % {"cabecera": CABECERA}
    return None


def subir_po(request, translation_id):
    traduccion = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, traduccion.get_target_instance()):
        raise PermissionDenied
    error = _error_del_archivo(request.FILES.get("file"))
    if error is None:
        return upload_pofile(request, translation_id)
    messages.error(request, error)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
