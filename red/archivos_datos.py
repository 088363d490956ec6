"""Open-data files as files: each unfiltered `/datos/<archivo>` is kept in storage.

Building `practicas.csv` takes seconds at a few thousand practices, so it is not
done per request. After anything public changes (a page published, unpublished,
moved or deleted; a public model saved, the same list as nucleo.cache), one task
per transaction (`regenerar_archivos`, enqueued on commit) writes every file of
every live open-data page to the default storage (local disk, or S3 with
`AWS_STORAGE_BUCKET_NAME`), under `RED_DATOS_ABIERTOS_CARPETA/<idioma>/`.

`servir()` answers from that file with `ETag` and `Last-Modified` (size and
modification time of the stored file), and 304 to a conditional request. A
file that does not exist yet (a fresh install, a worker that has not run) is
generated on demand, once, by the request that asks for it.

Filtered downloads (`?comuna=…`) have no file: they stay streamed, limited
per address (red/datos.py). docs/datos-abiertos.md tells the story.
"""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django_tasks import task

from nucleo.dcat import catalogo_dcat
from nucleo.exportar import EXPORTACIONES, TIPOS

logger = logging.getLogger(__name__)

CATALOGO = "catalogo.jsonld"


def nombres_de_archivo():
    """Every file of an open-data page: each collection in CSV and JSON, and the catalogue."""
    return [f"{n}.{ext}" for n in EXPORTACIONES for ext in ("csv", "json")] + [CATALOGO]


def ruta(pagina, archivo):
    return f"{settings.RED_DATOS_ABIERTOS_CARPETA}/{pagina.locale.language_code}/{archivo}"


def solicitud_del_sitio(pagina):
    """A request as if made to the page's site: absolute URLs in the files are the public ones."""
    partes = urlsplit(pagina.get_site().root_url)
    seguro = partes.scheme == "https"
    return RequestFactory().get(
        "/",
        SERVER_NAME=partes.hostname,
        SERVER_PORT=str(partes.port or (443 if seguro else 80)),
        secure=seguro,
    )


def contenido(pagina, archivo, request):
    """The bytes of `archivo` of the open-data page `pagina`, unfiltered."""
    if archivo == CATALOGO:
        texto = json.dumps(catalogo_dcat(pagina, request), ensure_ascii=False, indent=1)
        return texto.encode()
    nombre, formato = archivo.rsplit(".", 1)
    exportacion = EXPORTACIONES[nombre](request, locale=pagina.locale)
    return "".join(exportacion.partes(formato)).encode()


def guardar(pagina, archivo):
    """Writes `archivo` of `pagina` to storage, replacing the previous one."""
    nombre = ruta(pagina, archivo)
    datos = contenido(pagina, archivo, solicitud_del_sitio(pagina))
    # Storages rename on collision (S3 too, AWS_S3_FILE_OVERWRITE=False): delete first.
    # A download in between finds no file and builds it once (servir).
    default_storage.delete(nombre)
    default_storage.save(nombre, ContentFile(datos))
    return nombre


@task()
def regenerar_archivos():
    """Rewrites every file of every live open-data page (the task worker runs it)."""
    from .datos import DatosPage

    escritos = 0
    for pagina in DatosPage.objects.live().public():
        for archivo in nombres_de_archivo():
            guardar(pagina, archivo)
            escritos += 1
    return escritos


class _Encolar:
    """The on-commit callback; it knows whether it has run (see programar_regeneracion)."""

    hecho = False

    def __call__(self):
        self.hecho = True
        regenerar_archivos.enqueue()


def programar_regeneracion(**kwargs):
    """After this transaction commits, regenerate the files: once, however many changes."""
    pendiente = any(
        isinstance(funcion, _Encolar) and not funcion.hecho
        for _ids, funcion, *_resto in connection.run_on_commit
    )
    if not pendiente:
        transaction.on_commit(_Encolar())


def _al_guardar(sender, instance=None, **kwargs):
    from nucleo.cache import modelo_publico

    if sender.__module__ == "__fake__":
        return  # a historical model: a data migration, not a publication
    if modelo_publico(sender) and not getattr(instance, "sin_invalidar_cache", False):
        programar_regeneracion()


def _al_borrar(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page):
        programar_regeneracion()
    else:
        _al_guardar(sender, instance)


def conectar_senales():
    """Called from RedConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for senal in (page_published, page_unpublished, post_page_move):
        senal.connect(programar_regeneracion, dispatch_uid=f"red-datos-archivos-{id(senal)}")
    post_save.connect(_al_guardar, dispatch_uid="red-datos-archivos-guardar")
    post_delete.connect(_al_borrar, dispatch_uid="red-datos-archivos-borrar")


def servir(request, pagina, archivo):
    """The stored file, 304 if the client has it; built now if it does not exist yet."""
    nombre = ruta(pagina, archivo)
    if not default_storage.exists(nombre):
        logger.info("Archivo de datos abiertos %s generado al pedirlo", nombre)
        guardar(pagina, archivo)
    modificado = default_storage.get_modified_time(nombre)
    tamano = default_storage.size(nombre)
    etag = f'"{tamano:x}-{int(modificado.timestamp() * 1_000_000):x}"'
    marca = int(modificado.timestamp())
    no_modificado = get_conditional_response(request, etag=etag, last_modified=marca)
    if no_modificado is not None:
        no_modificado["ETag"] = etag
        return no_modificado
    tipo = TIPOS[archivo.rsplit(".", 1)[1]]
    if archivo == CATALOGO:
        # A few kilobytes that harvesters read as a document, not a download.
        with default_storage.open(nombre, "rb") as f:
            respuesta = HttpResponse(f.read(), content_type=tipo)
    else:
        respuesta = FileResponse(default_storage.open(nombre, "rb"), content_type=tipo)
        respuesta["Content-Disposition"] = f'attachment; filename="{archivo}"'
    respuesta["ETag"] = etag
    respuesta["Last-Modified"] = http_date(marca)
    respuesta["Access-Control-Allow-Origin"] = "*"
    # Proxies and the CDN may keep it a little; the ETag makes refreshing cheap.
    respuesta["Cache-Control"] = f"public, max-age={settings.RED_DATOS_ABIERTOS_SEGUNDOS}"
    return respuesta
