"""Seeds the six axes of open government and the targets of SDGs 16 and 17.

Names of the targets are the official Spanish text of the United Nations
(A/RES/70/1). Both live in the default locale (Spanish); editors translate them
with wagtail-localize.
"""

import uuid

from django.db import migrations

EJES = [
    ("transparencia", "Transparencia", "Información pública accesible, oportuna y comprensible."),
    ("rendicion-de-cuentas", "Rendición de cuentas", "Informar y responder por las decisiones y sus resultados."),
    ("participacion-ciudadana", "Participación ciudadana", "La ciudadanía incide en las decisiones públicas."),
    ("colaboracion-y-co-creacion", "Colaboración y co-creación", "Resolver problemas públicos junto a la ciudadanía y otras instituciones."),
    ("integridad-publica", "Integridad pública", "Prevenir la corrupción y los conflictos de interés."),
    ("datos-abiertos", "Datos abiertos", "Datos públicos en formatos abiertos, reutilizables por cualquiera."),
]

METAS_ODS = [
    ("16.1", "Reducir significativamente todas las formas de violencia y las correspondientes tasas de mortalidad en todo el mundo"),
    ("16.2", "Poner fin al maltrato, la explotación, la trata y todas las formas de violencia y tortura contra los niños"),
    ("16.3", "Promover el estado de derecho en los planos nacional e internacional y garantizar la igualdad de acceso a la justicia para todos"),
    ("16.4", "De aquí a 2030, reducir significativamente las corrientes financieras y de armas ilícitas, fortalecer la recuperación y devolución de los activos robados y luchar contra todas las formas de delincuencia organizada"),
    ("16.5", "Reducir considerablemente la corrupción y el soborno en todas sus formas"),
    ("16.6", "Crear a todos los niveles instituciones eficaces y transparentes que rindan cuentas"),
    ("16.7", "Garantizar la adopción en todos los niveles de decisiones inclusivas, participativas y representativas que respondan a las necesidades"),
    ("16.8", "Ampliar y fortalecer la participación de los países en desarrollo en las instituciones de gobernanza mundial"),
    ("16.9", "De aquí a 2030, proporcionar acceso a una identidad jurídica para todos, en particular mediante el registro de nacimientos"),
    ("16.10", "Garantizar el acceso público a la información y proteger las libertades fundamentales, de conformidad con las leyes nacionales y los acuerdos internacionales"),
    ("16.a", "Fortalecer las instituciones nacionales pertinentes, incluso mediante la cooperación internacional, para crear a todos los niveles, particularmente en los países en desarrollo, la capacidad de prevenir la violencia y combatir el terrorismo y la delincuencia"),
    ("16.b", "Promover y aplicar leyes y políticas no discriminatorias en favor del desarrollo sostenible"),
    ("17.1", "Fortalecer la movilización de recursos internos, incluso mediante la prestación de apoyo internacional a los países en desarrollo, con el fin de mejorar la capacidad nacional para recaudar ingresos fiscales y de otra índole"),
    ("17.2", "Velar por que los países desarrollados cumplan plenamente sus compromisos en relación con la asistencia oficial para el desarrollo, incluido el compromiso de numerosos países desarrollados de alcanzar el objetivo de destinar el 0,7% del ingreso nacional bruto a la asistencia oficial para el desarrollo de los países en desarrollo y entre el 0,15% y el 0,20% del ingreso nacional bruto a la asistencia oficial para el desarrollo de los países menos adelantados; se alienta a los proveedores de asistencia oficial para el desarrollo a que consideren la posibilidad de fijar una meta para destinar al menos el 0,20% del ingreso nacional bruto a la asistencia oficial para el desarrollo de los países menos adelantados"),
    ("17.3", "Movilizar recursos financieros adicionales de múltiples fuentes para los países en desarrollo"),
    ("17.4", "Ayudar a los países en desarrollo a lograr la sostenibilidad de la deuda a largo plazo con políticas coordinadas orientadas a fomentar la financiación, el alivio y la reestructuración de la deuda, según proceda, y hacer frente a la deuda externa de los países pobres muy endeudados a fin de reducir el endeudamiento excesivo"),
    ("17.5", "Adoptar y aplicar sistemas de promoción de las inversiones en favor de los países menos adelantados"),
    ("17.6", "Mejorar la cooperación regional e internacional Norte-Sur, Sur-Sur y triangular en materia de ciencia, tecnología e innovación y el acceso a estas, y aumentar el intercambio de conocimientos en condiciones mutuamente convenidas, incluso mejorando la coordinación entre los mecanismos existentes, en particular a nivel de las Naciones Unidas, y mediante un mecanismo mundial de facilitación de la tecnología"),
    ("17.7", "Promover el desarrollo de tecnologías ecológicamente racionales y su transferencia, divulgación y difusión a los países en desarrollo en condiciones favorables, incluso en condiciones concesionarias y preferenciales, según lo convenido de mutuo acuerdo"),
    ("17.8", "Poner en pleno funcionamiento, a más tardar en 2017, el banco de tecnología y el mecanismo de apoyo a la creación de capacidad en materia de ciencia, tecnología e innovación para los países menos adelantados y aumentar la utilización de tecnologías instrumentales, en particular la tecnología de la información y las comunicaciones"),
    ("17.9", "Aumentar el apoyo internacional para realizar actividades de creación de capacidad eficaces y específicas en los países en desarrollo a fin de respaldar los planes nacionales de implementación de todos los Objetivos de Desarrollo Sostenible, incluso mediante la cooperación Norte-Sur, Sur-Sur y triangular"),
    ("17.10", "Promover un sistema de comercio multilateral universal, basado en normas, abierto, no discriminatorio y equitativo en el marco de la Organización Mundial del Comercio, incluso mediante la conclusión de las negociaciones en el marco del Programa de Doha para el Desarrollo"),
    ("17.11", "Aumentar significativamente las exportaciones de los países en desarrollo, en particular con miras a duplicar la participación de los países menos adelantados en las exportaciones mundiales de aquí a 2020"),
    ("17.12", "Lograr la consecución oportuna del acceso a los mercados libre de derechos y contingentes de manera duradera para todos los países menos adelantados, conforme a las decisiones de la Organización Mundial del Comercio, incluso velando por que las normas de origen preferenciales aplicables a las importaciones de los países menos adelantados sean transparentes y sencillas y contribuyan a facilitar el acceso a los mercados"),
    ("17.13", "Aumentar la estabilidad macroeconómica mundial, incluso mediante la coordinación y coherencia de las políticas"),
    ("17.14", "Mejorar la coherencia de las políticas para el desarrollo sostenible"),
    ("17.15", "Respetar el margen normativo y el liderazgo de cada país para establecer y aplicar políticas de erradicación de la pobreza y desarrollo sostenible"),
    ("17.16", "Mejorar la Alianza Mundial para el Desarrollo Sostenible, complementada por alianzas entre múltiples interesados que movilicen e intercambien conocimientos, especialización, tecnología y recursos financieros, a fin de apoyar el logro de los Objetivos de Desarrollo Sostenible en todos los países, particularmente los países en desarrollo"),
    ("17.17", "Fomentar y promover la constitución de alianzas eficaces en las esferas pública, público-privada y de la sociedad civil, aprovechando la experiencia y las estrategias de obtención de recursos de las alianzas"),
    ("17.18", "De aquí a 2020, mejorar el apoyo a la creación de capacidad prestado a los países en desarrollo, incluidos los países menos adelantados y los pequeños Estados insulares en desarrollo, para aumentar significativamente la disponibilidad de datos oportunos, fiables y de gran calidad desglosados por ingresos, sexo, edad, raza, origen étnico, estatus migratorio, discapacidad, ubicación geográfica y otras características pertinentes en los contextos nacionales"),
    ("17.19", "De aquí a 2030, aprovechar las iniciativas existentes para elaborar indicadores que permitan medir los progresos en materia de desarrollo sostenible y complementen el producto interno bruto, y apoyar la creación de capacidad estadística en los países en desarrollo"),
]


def cargar(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Eje = apps.get_model("practicas", "Eje")
    MetaODS = apps.get_model("practicas", "MetaODS")
    locale, _ = Locale.objects.get_or_create(language_code="es")
    for slug, nombre, descripcion in EJES:
        Eje.objects.update_or_create(
            slug=slug,
            locale=locale,
            defaults={"nombre": nombre, "descripcion": descripcion},
            create_defaults={
                "nombre": nombre,
                "descripcion": descripcion,
                "translation_key": uuid.uuid4(),
            },
        )
    for codigo, nombre in METAS_ODS:
        MetaODS.objects.update_or_create(
            codigo=codigo,
            locale=locale,
            defaults={"nombre": nombre},
            create_defaults={"nombre": nombre, "translation_key": uuid.uuid4()},
        )


def borrar(apps, schema_editor):
    apps.get_model("practicas", "Eje").objects.filter(slug__in=[e[0] for e in EJES]).delete()
    apps.get_model("practicas", "MetaODS").objects.filter(
        codigo__in=[m[0] for m in METAS_ODS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practicas", "0002_practica_completa"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(cargar, borrar)]
