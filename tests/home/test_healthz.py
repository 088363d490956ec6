from unittest import mock

from django.db import OperationalError


def test_healthz_says_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"estado": "ok", "base_de_datos": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_does_not_answer(client, db):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("conexión rechazada"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["base_de_datos"] == "no responde"
