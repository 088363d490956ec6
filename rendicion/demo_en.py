"""The English version of the governor's program, made through wagtail-localize.

The program page and each of its 80 commitments are submitted for translation and
the strings below imported as a translator's work, as the home page and the main
pages are in home/demo_en.py (which runs before this, so the Gobierno de
Santiago's English page already exists to hold the program). Every commitment is
translated, not a sample: the English program counts its own children, and a
partial translation would show other totals than the Spanish one.

What stays in Spanish on purpose: the axis, the key of the CSV import and of the
`?eje=` filter (the program's own headings, synchronised between languages), the
timeline of status changes with its evidence (a public record, kept as written),
the source of the balance statement (a document's title) and the slugs. The pilot
program stays untranslated: it belongs to Renca, which the tests of pages without
an English version rely on.

Idempotent: a page that already has its English version is left alone.
"""

from wagtail.models import Locale

from nucleo.demo import pagina_traducida
from red.models import MiembroPage

from .models import CompromisoPage, ProgramaPage

PROGRAMA = {
    "Programa de Gobierno 2025-2029": "Government Programme 2025-2029",
    "Gobernador Regional de Santiago": "Regional Governor of Santiago",
    "Los 80 compromisos del programa del Gobernador Regional, uno por uno. El estado de "
    "cada compromiso se publicará con su evidencia a medida que se informe.": (
        "The 80 commitments of the Regional Governor's programme, one by one. The status of "
        "each commitment will be published with its evidence as it is reported."
    ),
    "Según la inversión aprobada y/o acción realizada, según la naturaleza del compromiso.": (
        "By the investment approved and/or the action taken, depending on the nature of the "
        "commitment."
    ),
    "El Programa de Gobierno para los años 2025-2029 contiene un total de 80 "
    "iniciativas, de las cuales se han cumplido 19, según el criterio a la inversión "
    "aprobada y/o acción realizada, según la naturaleza del compromiso.": (
        "The Government Programme for 2025-2029 contains a total of 80 initiatives, of which "
        "19 have been fulfilled, by the criterion of the investment approved and/or the "
        "action taken, depending on the nature of the commitment."
    ),
}

SUBEJES = {
    "DESARROLLO ECONÓMICO LOCAL Y REGIONAL": "LOCAL AND REGIONAL ECONOMIC DEVELOPMENT",
    "EQUIPAMIENTO PARA LA PREVENCIÓN, INVESTIGACIÓN Y PERSECUCIÓN DEL DELITO": (
        "EQUIPMENT TO PREVENT, INVESTIGATE AND PROSECUTE CRIME"
    ),
    "FORTALECIMIENTO DE CAPACIDADES REGIONALES DE SEGURIDAD": (
        "STRENGTHENING REGIONAL SECURITY CAPACITY"
    ),
    "GESTIÓN DEL AGUA": "WATER MANAGEMENT",
    "INFRAESTRUCTURA Y ESPACIOS PÚBLICOS": "INFRASTRUCTURE AND PUBLIC SPACES",
    "INTEGRACIÓN SOCIAL Y ADULTOS MAYORES": "SOCIAL INTEGRATION AND OLDER PEOPLE",
    "PREVENCIÓN PSICOSOCIAL Y COMUNITARIA": "PSYCHOSOCIAL AND COMMUNITY PREVENTION",
    "PREVENCIÓN SITUACIONAL DEL DELITO": "SITUATIONAL CRIME PREVENTION",
    "SANTIAGO CAPITAL DE TURISMO": "SANTIAGO, CAPITAL OF TOURISM",
    "SANTIAGO SALUDABLE": "HEALTHY SANTIAGO",
}

# Each commitment as the programme words it (its title and its promise). Names of
# programmes stay as they are known in Santiago, in quotes, with what they are.
COMPROMISOS = {
    "Programa integral de víctimas": "Comprehensive programme for victims of crime",
    "Observatorio Regional de Prevención del Delito": "Regional Crime Prevention Observatory",
    "Sistemas de Patrullaje Regionales": "Regional patrol systems",
    "Creación de la Academia de Capacitación Continua de Guardias Municipales": (
        "A Continuing Training Academy for municipal security guards"
    ),
    "Creación de la División de Seguridad Pública en el Gobierno Regional Metropolitano": (
        "A Public Security Division in the Metropolitan Regional Government"
    ),
    "Programa Policias 2.0": "'Policías 2.0' programme for the police",
    "Implementación Reconocimiento Sistema Biométrico de la PDI": (
        "Biometric recognition system for the Investigations Police (PDI)"
    ),
    "No más casas Narco": "No more drug houses",
    "Tecnología para Combatir el Crimen Organizado": "Technology to fight organised crime",
    "Replicar Programa Piloto de pistolas Teaser para Gendarmería en Carabineros de Chile": (
        "Extend the prison service's pilot of Taser guns to Carabineros de Chile"
    ),
    "Calles Iluminadas, Calles Seguras": "Lit streets, safe streets",
    "Sistema de Vigilancia Regional": "Regional surveillance system",
    "Programa Proteger": "'Proteger' protection programme",
    "Límites Comunales Seguros": "Safe borders between comunas",
    "Programa de Transformación de Plazas Existentes con medidas de Seguridad Pública y "
    "viales": "Transforming existing squares with public and road safety measures",
    "Hospitales Seguros": "Safe hospitals",
    "Escuelas Seguras": "Safe schools",
    "De vuelta al Colegio": "Back to school",
    "Programa Otra Oportunidad": "'Otra Oportunidad' (Another Chance) programme",
    "Programa Barrios Seguros": "Safe neighbourhoods programme",
    "Recuperación de Barrios Históricos, Estación Central y La Chimba": (
        "Restoring historic neighbourhoods: Estación Central and La Chimba"
    ),
    "Plan Regeneración Urbana": "Urban regeneration plan",
    "Plan Basura Cero": "Zero waste plan",
    "Plan Autopista Limpia y Segura": "Clean and safe motorways plan",
    "Nuevos Ejes Metropolitanos": "New metropolitan corridors",
    "Nuevo Plan Regulador Metropolitano de Santiago (PRMS 2050)": (
        "A new Metropolitan Land Use Plan for Santiago (PRMS 2050)"
    ),
    "Cinco (5) CESFAM": "Five (5) family health centres (CESFAM)",
    "Cuatro (4) COSAM": "Four (4) community mental health centres (COSAM)",
    "Red Metropolitana de Ciclovías": "Metropolitan cycle lane network",
    "Dos (2) nuevas ciclo-sendas": "Two (2) new cycle paths",
    "Programa Quédate 2.0": "'Quédate 2.0' programme to keep students in school",
    "Banco de Alimentos": "Food bank",
    "Acortar Listas de Espera en Salud": "Shorter waiting lists in health care",
    "Más Deporte y Cultura: 5 Polideportivos y 3 Centros Culturales": (
        "More sport and culture: 5 sports centres and 3 cultural centres"
    ),
    "Cinco (5) Centros Diurnos para Adultos Mayores": "Five (5) day centres for older people",
    "Envejecimiento Activo": "Active ageing",
    "Programa Cuidando a Quienes Cuidan 2.0": "Caring for carers programme 2.0",
    "Cinco (5) Centros Geriátricos": "Five (5) geriatric centres",
    "Postración Digna": "Dignified care for bedridden people",
    "Campaña contra la Violencia de Género": "Campaign against gender-based violence",
    "Plan Piloto en 15 Comunas para Adaptar los Espacios Públicos a Personas Mayores y con "
    "Discapacidad": ("A pilot in 15 comunas to adapt public spaces to older and disabled people"),
    "Código Rojo 2.0": "'Código Rojo 2.0' (Code Red) heat plan",
    "Más Verde para Enfriar Santiago": "More green to cool Santiago",
    "Techos Verdes": "Green roofs",
    "Trece (13) APR y SSR": (
        "Thirteen (13) rural drinking water and sanitation systems (APR and SSR)"
    ),
    "Abuelos COOL": "'Abuelos COOL' for grandparents",
    "Red Reciclaje": "Recycling network",
    "Primer Biodigestor Regional": "The first regional biodigester",
    "Construcción de la Primera Planta Regional de Reciclaje": (
        "Building the first regional recycling plant"
    ),
    "Huertos Urbanos": "Urban gardens",
    "Nos Compostamos Bien 2.0": "'Nos Compostamos Bien 2.0' home composting",
    "Plan de Cierre de Vertederos Ilegales": "Plan to close illegal dumps",
    "Implementación del Primer Hospital Público Veterinario de Chile": (
        "Chile's first public veterinary hospital"
    ),
    "Cincuenta y Dos (52) Nuevas Clínicas Veterinarias": "Fifty-two (52) new veterinary clinics",
    "Cien (100) Mascotas en Buenas Manos": "A hundred (100) pets in good hands",
    "Plan de Corredores Ecológicos": "Ecological corridors plan",
    "Dos (2) Nuevos Parques Nacionales": "Two (2) new national parks",
    "Reconocimiento 12 Humedales": "Official recognition of 12 wetlands",
    "Equipamiento Bomberos y CONAF": "Equipment for the fire brigades and CONAF",
    "Veintidós (22) Estrategias Hídricas Locales": "Twenty-two (22) local water strategies",
    "Gestión de Cuencas": "River basin management",
    "Treinta (30) Jardines Sostenibles": "Thirty (30) sustainable gardens",
    "Elaboración del Plan Intercomunal de Infraestructura de Movilidad y Espacio Público": (
        "An inter-comuna plan for mobility infrastructure and public space"
    ),
    "UOCT 2.0": "Traffic control unit (UOCT) 2.0",
    "Hub Metropolitano": "Metropolitan hub",
    "Yo También Trabajo": "'Yo También Trabajo' (I work too) employment programme",
    "Distrito CO 2.0": "'Distrito CO 2.0' creative district",
    "Programa de Apoyo a la Implementación de las 52 Estrategias de Desarrollo Local": (
        "Support to carry out the 52 local development strategies"
    ),
    "Primera Política Regional de Turismo": "The first regional tourism policy",
    "Desarrollo del Plan Fomento Industria MICE": (
        "A plan to grow the meetings and events (MICE) industry"
    ),
    "Programa Re-Encántate Santiago": (
        "'Re-Encántate Santiago' programme to fall for the city again"
    ),
    "Programa de Apoyo y Desarrollo de Eventos Turísticos-Culturales con Identidad Local de "
    "las 52 Comunas de la Región": (
        "Support for tourist and cultural events with the local identity of the region's 52 comunas"
    ),
    "Vendimia del Maipo y Plan de Fomento el Enoturismo": (
        "Maipo grape harvest festival and a wine tourism plan"
    ),
    "Portal Denuncias Éticas 2.0": "Ethics complaints portal 2.0",
    "Portal de Transparencia Proactiva 2.0": "Proactive transparency portal 2.0",
    "Eliminación del Delegado Presidencial": "Abolishing the Presidential Delegate",
    "Prevención del Delito": "Crime prevention",
    "Gestión de Riesgo de Desastres": "Disaster risk management",
    "Gestión de Parques Urbanos": "Urban park management",
    "Transporte Público": "Public transport",
}


def cargar(comando):
    gobierno = MiembroPage.objects.filter(
        slug="gobierno-de-santiago", locale__language_code="es"
    ).first()
    programa = (
        ProgramaPage.objects.child_of(gobierno).filter(slug="programa-2025-2029").first()
        if gobierno
        else None
    )
    ingles = Locale.objects.filter(language_code="en").first()
    if programa is None or ingles is None or gobierno.get_translation_or_none(ingles) is None:
        comando.paso("en inglés: sin programa del Gobierno de Santiago que traducir")
        return
    traducido, creado = pagina_traducida(programa, ingles, PROGRAMA)
    textos = {**COMPROMISOS, **SUBEJES}
    nuevos = sum(
        pagina_traducida(compromiso, ingles, textos)[1]
        for compromiso in CompromisoPage.objects.child_of(programa).order_by("path")
    )
    estado = "traducido ahora" if creado else "ya estaba traducido"
    comando.paso(f"en inglés: {traducido.url} ({estado}) y {nuevos} compromisos traducidos")
