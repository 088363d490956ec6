"""The Spanish readability analyser, checked against counts and scores computed by hand."""

import pytest
from wagtail.rich_text import RichText

from nucleo.blocks import BaseStreamBlock
from nucleo.lenguaje_claro import (
    Termino,
    analizar,
    fernandez_huerta,
    html_a_texto,
    minutos_de_lectura,
    oraciones,
    silabas,
    szigriszt_pazos,
    texto_de_valor,
)


@pytest.mark.parametrize(
    ("palabra", "esperadas"),
    [
        ("sol", 1),
        ("plaza", 2),  # pla-za
        ("transparencia", 4),  # trans-pa-ren-cia: "ia" is a diphthong
        ("participación", 5),  # par-ti-ci-pa-ción: "ió" is a diphthong
        ("ciudad", 2),  # ciu-dad: two closed vowels, one diphthong
        ("día", 2),  # dí-a: closed vowel with tilde, hiatus
        ("país", 2),  # pa-ís
        ("reúne", 3),  # re-ú-ne
        ("oído", 3),  # o-í-do
        ("creía", 3),  # cre-í-a
        ("poeta", 3),  # po-e-ta: two open vowels, hiatus
        ("leer", 2),  # le-er
        ("Europa", 3),  # eu-ro-pa
        ("ahora", 3),  # a-ho-ra: "h" counts as a consonant
        ("que", 1),  # silent "u" in "que"
        ("quien", 1),  # silent "u", then the diphthong "ie"
        ("guerra", 2),  # silent "u" in "gue": gue-rra
        ("guion", 1),  # silent "u", then "io" (one syllable since the 2010 rules)
        ("agua", 2),  # a-gua: here the "u" sounds and forms a diphthong
        ("pingüino", 3),  # pin-güi-no: "ü" sounds, "üi" is a diphthong
        ("averigüéis", 4),  # a-ve-ri-güéis: triphthong
        ("buey", 1),  # triphthong with final "y"
        ("Uruguay", 3),  # U-ru-guay
        ("hoy", 1),  # final "y" is a vowel
        ("muy", 1),
        ("y", 1),  # the conjunction
        ("ley", 1),
        ("leyes", 2),  # le-yes: "y" before a vowel is a consonant
        ("mayo", 2),  # ma-yo
        ("quórum", 2),  # quó-rum
    ],
)
def test_silabas(palabra, esperadas):
    assert silabas(palabra) == esperadas


def test_oraciones_no_se_cortan_en_abreviaturas_ni_en_numeros():
    parrafo = "El Sr. Pérez llegó. ¿Vino a la reunión? Sí. La Ley 20.285 lo exige"
    assert oraciones(parrafo) == [
        "El Sr. Pérez llegó.",
        "¿Vino a la reunión?",
        "Sí.",
        "La Ley 20.285 lo exige",
    ]


def test_texto_facil():
    # El(1) sol(1) sa-le(2) hoy(1) . La(1) gen-te(2) ca-mi-na(3) por(1) la(1) pla-za(2) .
    # W = 10 words, S = 15 syllables, F = 2 sentences.
    # Fernández-Huerta: P = 100·15/10 = 150, F = 100·2/10 = 20
    #   206.84 − 0.60·150 − 1.02·20 = 206.84 − 90 − 20.4 = 96.44  → muy fácil (≥ 90)
    # Szigriszt-Pazos: 206.835 − 62.3·15/10 − 10/2 = 206.835 − 93.45 − 5 = 108.385
    analisis = analizar("El sol sale hoy. La gente camina por la plaza.")
    assert (analisis.palabras, analisis.silabas, analisis.oraciones) == (10, 15, 2)
    assert analisis.fernandez_huerta == pytest.approx(96.44, abs=0.05)
    assert analisis.szigriszt_pazos == pytest.approx(108.385, abs=0.05)
    assert analisis.nivel_fernandez_huerta == "muy fácil"
    assert analisis.nivel_szigriszt_pazos == "muy fácil"
    assert analisis.sugerencias == []


JERGA = [
    Termino("en virtud de", "por"),
    Termino("implementar", "poner en marcha"),
    Termino("con el objeto de", "para"),
    Termino("propender", "buscar", "Verbo poco usado fuera de la administración."),
    Termino("dar cumplimiento", "cumplir"),
]

TEXTO_BUROCRATICO = (
    "En virtud de la normativa vigente, la municipalidad deberá implementar "
    "procedimientos administrativos con el objeto de propender a la transparencia."
)


def test_texto_burocratico():
    # En(1) vir-tud(2) de(1) la(1) nor-ma-ti-va(4) vi-gen-te(3) la(1) mu-ni-ci-pa-li-dad(6)
    # de-be-rá(3) im-ple-men-tar(4) pro-ce-di-mien-tos(5) ad-mi-nis-tra-ti-vos(6) con(1)
    # el(1) ob-je-to(3) de(1) pro-pen-der(3) a(1) la(1) trans-pa-ren-cia(4)
    # W = 20, S = 52, F = 1.
    # Fernández-Huerta: P = 260, F = 5 → 206.84 − 156 − 5.1 = 45.74 → difícil (30–50)
    # Szigriszt-Pazos: 206.835 − 62.3·2.6 − 20/1 = 206.835 − 161.98 − 20 = 24.855
    #   → muy difícil (< 40 on the INFLESZ scale)
    analisis = analizar(TEXTO_BUROCRATICO, JERGA)
    assert (analisis.palabras, analisis.silabas, analisis.oraciones) == (20, 52, 1)
    assert analisis.fernandez_huerta == pytest.approx(45.74, abs=0.05)
    assert analisis.szigriszt_pazos == pytest.approx(24.855, abs=0.05)
    assert analisis.nivel_fernandez_huerta == "difícil"
    assert analisis.nivel_szigriszt_pazos == "muy difícil"
    jerga = [s for s in analisis.sugerencias if s.tipo == "jerga"]
    # In the order they appear in the text; "dar cumplimiento" is not in it.
    assert [s.extracto for s in jerga] == [
        "en virtud de",
        "implementar",
        "con el objeto de",
        "propender",
    ]
    assert "«En virtud de»: pruebe con «por»." in jerga[0].mensaje
    assert "Verbo poco usado" in jerga[3].mensaje


def test_titulos_y_parrafos_son_oraciones():
    # Qué(1) ha-ce-mos(3) | A-bri-mos(3) los(1) da-tos(2) .
    #   Los(1) pu-bli-ca-mos(4) ca-da(2) mes(1) .
    # W = 9, S = 18, F = 3 (the heading is a sentence of its own).
    # Fernández-Huerta: P = 200, F = 33.33 → 206.84 − 120 − 34 = 52.84 → algo difícil
    # Szigriszt-Pazos: 206.835 − 62.3·2 − 9/3 = 206.835 − 124.6 − 3 = 79.235 → bastante fácil
    texto = html_a_texto("<h2>Qué hacemos</h2><p>Abrimos los datos. Los publicamos cada mes.</p>")
    analisis = analizar(texto)
    assert (analisis.palabras, analisis.silabas, analisis.oraciones) == (9, 18, 3)
    assert analisis.parrafos == 2
    assert fernandez_huerta(9, 18, 3) == pytest.approx(52.84)
    assert szigriszt_pazos(9, 18, 3) == pytest.approx(79.235)
    assert analisis.nivel_fernandez_huerta == "algo difícil"
    assert analisis.nivel_szigriszt_pazos == "bastante fácil"


def test_jerga_ignora_mayusculas_tildes_y_palabras_parciales():
    terminos = [Termino("en virtud de", "por"), Termino("implementar", "poner en marcha")]
    analisis = analizar("EN VIRTÚD  DE lo anterior. Reimplementarlo no es implementar.", terminos)
    jerga = [s for s in analisis.sugerencias if s.tipo == "jerga"]
    assert [s.extracto for s in jerga] == ["en virtud de", "implementar"]
    # "Reimplementarlo" is another word: only one use of "implementar".
    assert "(2 veces)" not in jerga[1].mensaje


def test_oraciones_y_parrafos_largos():
    oracion_30 = " ".join(["palabra"] * 29) + " fin."
    oracion_31 = " ".join(["palabra"] * 30) + " fin."
    assert [s.tipo for s in analizar(oracion_30).sugerencias] == []
    largas = analizar(oracion_31).sugerencias
    assert [s.tipo for s in largas] == ["oracion_larga"]
    assert "31 palabras" in largas[0].mensaje
    # Configurable limits: a 12-word paragraph of three short sentences.
    parrafo = "Uno dos tres cuatro. Cinco seis siete ocho. Nueve diez once doce."
    tipos = [
        s.tipo
        for s in analizar(parrafo, max_palabras_oracion=3, max_palabras_parrafo=10).sugerencias
    ]
    assert tipos == ["parrafo_largo", "oracion_larga", "oracion_larga", "oracion_larga"]
    assert analizar(parrafo, max_palabras_parrafo=12).sugerencias == []


@pytest.mark.parametrize(
    ("texto", "siglas"),
    [
        ("La Red aporta a los ODS.", ["ODS"]),
        ("Aporta a los Objetivos de Desarrollo Sostenible (ODS). Los ODS son 17.", []),
        ("Las ONG (organizaciones no gubernamentales) participan. Las ONG votan.", []),
        ("Los ODS importan. Objetivos de Desarrollo Sostenible (ODS).", ["ODS"]),
        ("Capítulo IV del siglo XXI, con licencia CC BY 4.0 en CSV.", []),
        ("El RUT y la CUT de cada comuna.", ["RUT", "CUT"]),
    ],
)
def test_siglas_sin_explicar(texto, siglas):
    sugerencias = [s for s in analizar(texto).sugerencias if s.tipo == "sigla"]
    assert [s.mensaje.split("«")[1].split("»")[0] for s in sugerencias] == siglas


@pytest.mark.parametrize(
    ("n", "minutos"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5), (1001, 6)]
)
def test_minutos_de_lectura(n, minutos):
    # words / 200 words per minute, rounded up, never less than one minute
    assert minutos_de_lectura(n) == minutos


def test_texto_vacio_no_tiene_puntaje():
    analisis = analizar("  \n 2026 ")
    assert analisis.vacio
    assert analisis.fernandez_huerta is None
    assert analisis.nivel_fernandez_huerta == ""


def test_limites_configurables_en_settings(settings):
    settings.LENGUAJE_CLARO = {"MAX_PALABRAS_ORACION": 5}
    assert [s.tipo for s in analizar("Uno dos tres cuatro cinco seis.").sugerencias] == [
        "oracion_larga"
    ]


def test_texto_de_streamfield_toma_solo_lo_que_se_lee():
    bloque = BaseStreamBlock()
    valor = bloque.to_python(
        [
            {"type": "heading", "value": {"text": "Qué hacemos", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<p>Abrimos los <b>datos</b>.</p><ul><li>Uno</li><li>Dos</li></ul>",
            },
            {
                "type": "call_to_action",
                "value": {"text": "Únete", "page": None, "url": "https://example.org/x"},
            },
            {"type": "quote", "value": {"quote": "Todo es público.", "attribution": "Ana"}},
        ]
    )
    assert texto_de_valor(valor) == (
        "Qué hacemos\nAbrimos los datos.\nUno\nDos\nÚnete\nTodo es público.\nAna"
    )
    assert texto_de_valor(RichText("<p>Hola.</p><p>Chao.</p>")) == "Hola.\nChao."
    assert texto_de_valor("Texto simple. ") == "Texto simple."


def test_asterisco_encuentra_cualquier_terminacion():
    terminos = [Termino("efectu*", "hacer"), Termino("otorgar", "dar")]
    analisis = analizar("Se efectuó la entrega. Otorgaron el premio.", terminos)
    jerga = [s for s in analisis.sugerencias if s.tipo == "jerga"]
    # "efectu*" finds "efectuó"; "otorgar" has no asterisk, so "Otorgaron" is not flagged.
    assert [s.extracto for s in jerga] == ["efectu*"]
    assert "«efectuó»: pruebe con «hacer»." in jerga[0].mensaje
