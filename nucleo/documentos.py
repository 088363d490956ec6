"""Downloads of documents (`/documentos/<id>/<name>`), without a filename oracle.

Wagtail answers 404 when the name in the address is not the document's and,
for a document in a private collection, a redirect to the login (or the
password form) when it is: an anonymous visitor could confirm a private file's
name by trying names. Here whoever may not see the document gets the same
answer whatever the name; the name is checked once they may.
"""

import posixpath
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.static import serve as static_serve
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve


def _vedado(request, documento):
    return any(
        not restriccion.accept_request(request)
        for restriccion in documento.collection.get_view_restrictions()
    )


def servir_documento(request, document_id, document_filename):
    documento = get_object_or_404(get_document_model(), id=document_id)
    if document_filename != documento.filename:
        if not _vedado(request, documento):
            raise Http404("Este documento no tiene ese nombre.")
        # Wagtail's own answer for a private document (login or password form).
        document_filename = documento.filename
    return serve(request, document_id, document_filename)


def medio_de_desarrollo(request, path):
    """Local media under DEBUG, except the documents (served only by `servir_documento`).

    The path is normalised first, so `images/../documents/x.pdf` or
    `./documents/x.pdf` do not get round it.
    """
    normal = posixpath.normpath(unquote(path)).lstrip("/")
    if normal == "documents" or normal.startswith("documents/"):
        raise Http404("Los documentos se descargan desde /documentos/.")
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)
