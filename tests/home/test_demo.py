"""The demo command builds a site whose every page answers, and runs twice safely."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage


@pytest.fixture
def demo(demo_completa_del_modulo, db):
    """All the demo, loaded once for the module (tests/conftest.py)."""


def test_cargar_demo_is_idempotent(demo):
    before = Page.objects.count()
    call_command("cargar_demo", stdout=io.StringIO())
    assert Page.objects.count() == before
    # One home page per language: Spanish, and its English translation.
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == ["en", "es"]


def test_every_demo_page_answers_on_the_site(demo, client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_every_demo_page_opens_in_the_admin_editor(demo, admin_client):
    for page in Page.objects.filter(depth__gt=1):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url
