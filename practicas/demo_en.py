"""English versions of the axes of open government and of the SDG 16 and 17 targets.

They are translated through wagtail-localize, as the coordination would do it
in the admin (Snippets → Ejes → Traducir): a TranslationSource, a Translation
to English, and the English strings imported as the translator's work. The
slug of an axis and the code of a target are synchronised fields: the same in
both languages, so `?eje=transparencia` and `?ods=16.6` filter in both.

Targets: the official English text of the United Nations (A/RES/70/1).
Idempotent: an axis or target that already has its English version is left alone.
"""

from wagtail.models import Locale

from nucleo.demo import traduccion_importada

from .models import Eje, MetaODS

EJES = {
    "Transparencia": "Transparency",
    "Información pública accesible, oportuna y comprensible.": (
        "Public information that is accessible, timely and easy to understand."
    ),
    "Rendición de cuentas": "Accountability",
    "Informar y responder por las decisiones y sus resultados.": (
        "Reporting on decisions and their results, and answering for them."
    ),
    "Participación ciudadana": "Citizen participation",
    "La ciudadanía incide en las decisiones públicas.": (
        "Citizens have a real say in public decisions."
    ),
    "Colaboración y co-creación": "Collaboration and co-creation",
    "Resolver problemas públicos junto a la ciudadanía y otras instituciones.": (
        "Solving public problems together with citizens and other institutions."
    ),
    "Integridad pública": "Public integrity",
    "Prevenir la corrupción y los conflictos de interés.": (
        "Preventing corruption and conflicts of interest."
    ),
    "Datos abiertos": "Open data",
    "Datos públicos en formatos abiertos, reutilizables por cualquiera.": (
        "Public data in open formats that anyone can reuse."
    ),
}

METAS_ODS = {
    "16.1": "Significantly reduce all forms of violence and related death rates everywhere",
    "16.2": "End abuse, exploitation, trafficking and all forms of violence against and "
    "torture of children",
    "16.3": "Promote the rule of law at the national and international levels and ensure "
    "equal access to justice for all",
    "16.4": "By 2030, significantly reduce illicit financial and arms flows, strengthen the "
    "recovery and return of stolen assets and combat all forms of organized crime",
    "16.5": "Substantially reduce corruption and bribery in all their forms",
    "16.6": "Develop effective, accountable and transparent institutions at all levels",
    "16.7": "Ensure responsive, inclusive, participatory and representative decision-making "
    "at all levels",
    "16.8": "Broaden and strengthen the participation of developing countries in the "
    "institutions of global governance",
    "16.9": "By 2030, provide legal identity for all, including birth registration",
    "16.10": "Ensure public access to information and protect fundamental freedoms, in "
    "accordance with national legislation and international agreements",
    "16.a": "Strengthen relevant national institutions, including through international "
    "cooperation, for building capacity at all levels, in particular in developing countries, "
    "to prevent violence and combat terrorism and crime",
    "16.b": "Promote and enforce non-discriminatory laws and policies for sustainable development",
    "17.1": "Strengthen domestic resource mobilization, including through international "
    "support to developing countries, to improve domestic capacity for tax and other revenue "
    "collection",
    "17.2": "Developed countries to implement fully their official development assistance "
    "commitments, including the commitment by many developed countries to achieve the target "
    "of 0.7 per cent of gross national income for official development assistance (ODA/GNI) "
    "to developing countries and 0.15 to 0.20 per cent of ODA/GNI to least developed "
    "countries; ODA providers are encouraged to consider setting a target to provide at least "
    "0.20 per cent of ODA/GNI to least developed countries",
    "17.3": "Mobilize additional financial resources for developing countries from multiple "
    "sources",
    "17.4": "Assist developing countries in attaining long-term debt sustainability through "
    "coordinated policies aimed at fostering debt financing, debt relief and debt "
    "restructuring, as appropriate, and address the external debt of highly indebted poor "
    "countries to reduce debt distress",
    "17.5": "Adopt and implement investment promotion regimes for least developed countries",
    "17.6": "Enhance North-South, South-South and triangular regional and international "
    "cooperation on and access to science, technology and innovation and enhance knowledge "
    "sharing on mutually agreed terms, including through improved coordination among existing "
    "mechanisms, in particular at the United Nations level, and through a global technology "
    "facilitation mechanism",
    "17.7": "Promote the development, transfer, dissemination and diffusion of environmentally "
    "sound technologies to developing countries on favourable terms, including on "
    "concessional and preferential terms, as mutually agreed",
    "17.8": "Fully operationalize the technology bank and science, technology and innovation "
    "capacity-building mechanism for least developed countries by 2017 and enhance the use of "
    "enabling technology, in particular information and communications technology",
    "17.9": "Enhance international support for implementing effective and targeted "
    "capacity-building in developing countries to support national plans to implement all the "
    "Sustainable Development Goals, including through North-South, South-South and triangular "
    "cooperation",
    "17.10": "Promote a universal, rules-based, open, non-discriminatory and equitable "
    "multilateral trading system under the World Trade Organization, including through the "
    "conclusion of negotiations under its Doha Development Agenda",
    "17.11": "Significantly increase the exports of developing countries, in particular with a "
    "view to doubling the least developed countries' share of global exports by 2020",
    "17.12": "Realize timely implementation of duty-free and quota-free market access on a "
    "lasting basis for all least developed countries, consistent with World Trade "
    "Organization decisions, including by ensuring that preferential rules of origin "
    "applicable to imports from least developed countries are transparent and simple, and "
    "contribute to facilitating market access",
    "17.13": "Enhance global macroeconomic stability, including through policy coordination "
    "and policy coherence",
    "17.14": "Enhance policy coherence for sustainable development",
    "17.15": "Respect each country's policy space and leadership to establish and implement "
    "policies for poverty eradication and sustainable development",
    "17.16": "Enhance the Global Partnership for Sustainable Development, complemented by "
    "multi-stakeholder partnerships that mobilize and share knowledge, expertise, technology "
    "and financial resources, to support the achievement of the Sustainable Development Goals "
    "in all countries, in particular developing countries",
    "17.17": "Encourage and promote effective public, public-private and civil society "
    "partnerships, building on the experience and resourcing strategies of partnerships",
    "17.18": "By 2020, enhance capacity-building support to developing countries, including for "
    "least developed countries and small island developing States, to increase significantly "
    "the availability of high-quality, timely and reliable data disaggregated by income, "
    "gender, age, race, ethnicity, migratory status, disability, geographic location and other "
    "characteristics relevant in national contexts",
    "17.19": "By 2030, build on existing initiatives to develop measurements of progress on "
    "sustainable development that complement gross domestic product, and support statistical "
    "capacity-building in developing countries",
}


def traducir(objeto, locale, textos):
    """Translates a snippet with wagtail-localize; True when it was created now."""
    if objeto.get_translation_or_none(locale) is not None:
        return False
    traduccion_importada(objeto, locale, textos).save_target()
    return True


def cargar(comando):
    ingles = Locale.objects.get(language_code="en")
    espanol = Locale.get_default()
    ejes = [traducir(eje, ingles, EJES) for eje in Eje.objects.filter(locale=espanol)]
    metas = [
        traducir(meta, ingles, {meta.nombre: METAS_ODS[meta.codigo]})
        for meta in MetaODS.objects.filter(locale=espanol, codigo__in=METAS_ODS)
    ]
    comando.paso(
        f"en inglés: {sum(ejes)} ejes y {sum(metas)} metas ODS traducidos "
        f"({len(ejes) - sum(ejes) + len(metas) - sum(metas)} ya lo estaban)"
    )
