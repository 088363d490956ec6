"""Image uploads that are refused with the form's error, never a 500.

Wagtail's `WagtailImageField` opens the upload with Willow, which reads only
the header: a PNG or GIF signature followed by HTML passes, and the failure
comes later (a 500) when Pillow decodes it. A decompression bomb is refused
with "(unknown number)" of pixels, and an animated GIF's frames are not
limited. `CampoImagen` (installed by `FormularioImagen`, the
`WAGTAILIMAGES_IMAGE_FORM_BASE`, in the single and the multiple upload):

- reads the declared size from the header before Pillow's bomb check, and
  refuses more than WAGTAILIMAGES_MAX_IMAGE_PIXELS saying how many there are;
- refuses more than RED_IMAGENES_MAX_FOTOGRAMAS frames;
- decodes the first frame: a file that does not decode is "no es una imagen
  válida".
"""

import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

NO_ES_IMAGEN = _(
    "El archivo no es una imagen válida o está dañado. Suba una imagen GIF, JPEG, PNG, WebP o AVIF."
)
DEMASIADOS_PIXELES = _(
    "La imagen tiene demasiados píxeles (%(pixeles)s); el máximo es %(maximo)s. "
    "Redúzcala antes de subirla."
)
DEMASIADOS_FOTOGRAMAS = _(
    "La imagen animada tiene demasiados fotogramas (%(fotogramas)s); el máximo es %(maximo)s."
)

# Pillow's bomb limit is global: it is lifted only while one header is read.
_cerrojo = threading.Lock()


def _archivo(data):
    archivo = getattr(data, "file", data)
    archivo.seek(0)
    return archivo


def _tamano_declarado(data):
    """(width, height) as the header says, without decoding; None if unreadable."""
    with _cerrojo:
        limite, PILImage.MAX_IMAGE_PIXELS = PILImage.MAX_IMAGE_PIXELS, None
        try:
            with PILImage.open(_archivo(data)) as imagen:
                return imagen.size
        except Exception:  # noqa: BLE001 - not an image: the field says so below
            return None
        finally:
            PILImage.MAX_IMAGE_PIXELS = limite


def _numero(n):
    return number_format(n, force_grouping=True)


class CampoImagen(WagtailImageField):
    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        maximo = self.max_image_pixels
        tamano = _tamano_declarado(data)
        if tamano and maximo and tamano[0] * tamano[1] > maximo:
            raise ValidationError(
                DEMASIADOS_PIXELES
                % {"pixeles": _numero(tamano[0] * tamano[1]), "maximo": _numero(maximo)},
                code="file_too_many_pixels",
            )
        _archivo(data)
        try:
            f = super().to_python(data)
        except ValidationError as error:
            if error.code == "invalid_image":
                raise ValidationError(NO_ES_IMAGEN, code="invalid_image") from None
            raise
        except Exception as exc:  # noqa: BLE001 - any decoder error is a bad file
            raise ValidationError(NO_ES_IMAGEN, code="invalid_image") from exc
        self._decodificar(data)
        return f

    def _decodificar(self, data):
        tope = settings.RED_IMAGENES_MAX_FOTOGRAMAS
        try:
            with PILImage.open(_archivo(data)) as imagen:
                fotogramas = getattr(imagen, "n_frames", 1)
                if fotogramas > tope:
                    raise ValidationError(
                        DEMASIADOS_FOTOGRAMAS
                        % {"fotogramas": _numero(fotogramas), "maximo": _numero(tope)},
                        code="demasiados_fotogramas",
                    )
                imagen.seek(0)
                imagen.load()
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - truncated or not an image at all
            raise ValidationError(NO_ES_IMAGEN, code="invalid_image") from exc
        finally:
            _archivo(data)


class FormularioImagen(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campo = self.fields.get("file")
        if isinstance(campo, WagtailImageField):
            campo.__class__ = CampoImagen
