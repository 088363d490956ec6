"""RUT validation: known valid RUTs pass in every way people write them, others fail."""

import pytest
from django.core.exceptions import ValidationError

from nucleo.rut import digito_verificador, formatear_rut, normalizar_rut


@pytest.mark.parametrize(
    ("escrito", "normalizado"),
    [
        ("69.070.100-6", "69070100-6"),  # Municipalidad de Santiago
        ("69070100-6", "69070100-6"),
        ("690701006", "69070100-6"),
        (" 61.979.440-0 ", "61979440-0"),
        ("10.000.013-K", "10000013-K"),
        ("10000013-k", "10000013-K"),
        ("11.111.111-1", "11111111-1"),
        ("76.086.428-5", "76086428-5"),
    ],
)
def test_valid_ruts_are_normalized(escrito, normalizado):
    assert normalizar_rut(escrito) == normalizado


@pytest.mark.parametrize(
    ("escrito", "codigo"),
    [
        ("69.070.100-5", "digito"),
        ("10000013-1", "digito"),
        ("11.111.111-K", "digito"),
        ("", "formato"),
        ("abc", "formato"),
        ("69,070,100-6", "formato"),
        ("1-9", "formato"),
        ("69070100-6\nBcc: x@example.org", "formato"),
    ],
)
def test_invalid_ruts_are_refused_with_their_reason(escrito, codigo):
    with pytest.raises(ValidationError) as error:
        normalizar_rut(escrito)
    assert error.value.code == codigo


def test_check_digit_and_display():
    assert digito_verificador(69070100) == "6"
    assert digito_verificador(10000013) == "K"
    assert formatear_rut("69070100-6") == "69.070.100-6"
