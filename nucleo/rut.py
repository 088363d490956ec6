"""Chilean RUT: parsing, check digit (modulo 11) and the normalized form we store.

A RUT is a number and a check digit (0-9 or K). People write it with or without
thousands dots and with or without the dash ("69.070.100-6", "69070100-6",
"690701006"). We store it normalized as "69070100-6" (no dots, upper-case K).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cl import rut

_FORMA = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d{1,9})-?([\dkK])$")


def digito_verificador(numero):
    """The check digit of a RUT number, by the modulo-11 algorithm (python-stdnum)."""
    return rut.calc_check_digit(str(numero))


def normalizar_rut(valor):
    """'69.070.100-6' → '69070100-6'. Raises ValidationError when the RUT is not valid."""
    texto = (valor or "").strip().replace(" ", "")
    coincidencia = _FORMA.match(texto)
    if not coincidencia:
        raise ValidationError(
            _("Escriba el RUT con su dígito verificador, por ejemplo 69.070.100-6."),
            code="formato",
        )
    numero = int(coincidencia.group(1).replace(".", ""))
    digito = coincidencia.group(2).upper()
    if numero < 1_000_000:
        raise ValidationError(_("Ese RUT es demasiado corto."), code="formato")
    if digito_verificador(numero) != digito:
        raise ValidationError(
            _("El dígito verificador no corresponde a ese RUT. Revise que esté bien escrito."),
            code="digito",
        )
    return f"{numero}-{digito}"


def formatear_rut(normalizado):
    """'69070100-6' → '69.070.100-6', for display."""
    return rut.format(normalizado)
