"""Organizations of the catastro for tests, with valid RUTs."""

import factory

from nucleo.rut import digito_verificador
from organizaciones.models import EstadoOrganizacion, Organizacion, TipoOrganizacion
from red.models import Comuna


def rut(numero):
    return f"{numero}-{digito_verificador(numero)}"


class OrganizacionFactory(factory.django.DjangoModelFactory):
    nombre = factory.Sequence(lambda n: f"Junta de Vecinos N° {n}")
    rut = factory.Sequence(lambda n: rut(70_000_000 + n))
    tipo = factory.LazyFunction(lambda: TipoOrganizacion.objects.get(slug="junta-de-vecinos"))
    comuna = factory.LazyFunction(lambda: Comuna.objects.get(cut="13128"))
    descripcion = "Una junta de vecinos del barrio."
    contacto_nombre = "Rosa Secreta"
    contacto_email = factory.Sequence(lambda n: f"contacto-secreto-{n}@privado.example")
    contacto_telefono = "+56 9 1234 5678"
    consentimiento = True
    estado = EstadoOrganizacion.PENDIENTE

    class Meta:
        model = Organizacion
        skip_postgeneration_save = True

    @factory.post_generation
    def comunas(self, create, extracted, **kwargs):
        if create:
            self.comunas.set([self.comuna, *(extracted or [])])
