"""Screenshots of the admin for docs/guia-editores.md, taken from a running dev server.

Usage (with the demo loaded: `python manage.py cargar_demo`):

    python manage.py runserver 127.0.0.1:8000 &
    python scripts/capturas_guia_editores.py [http://127.0.0.1:8000]

Saves PNGs in docs/img/. Uses Debian's Chromium (/usr/bin/chromium).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
DESTINO = Path(__file__).resolve().parent.parent / "docs" / "img"


def ingresar(pagina, usuario, clave):
    pagina.goto(f"{BASE}/admin/login/")
    pagina.fill("#id_username", usuario)
    pagina.fill("#id_password", clave)
    pagina.click("button[type=submit]")
    pagina.wait_for_url(f"{BASE}/admin/")


def capturar(pagina, nombre, completa=False):
    pagina.screenshot(path=str(DESTINO / nombre), full_page=completa)
    print(f"docs/img/{nombre}")


def main():
    DESTINO.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        navegador = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        contexto = navegador.new_context(viewport={"width": 1280, "height": 800}, locale="es-CL")
        pagina = contexto.new_page()

        pagina.goto(f"{BASE}/red/unete/")
        capturar(pagina, "unete-formulario.png")

        ingresar(pagina, "editora-renca", "editora-renca")
        capturar(pagina, "editora-inicio.png")
        pagina.goto(f"{BASE}/admin/pages/")
        capturar(pagina, "editora-explorador.png")
        renca = pagina.evaluate(
            "fetch('/admin/api/main/pages/?slug=municipalidad-de-renca').then(r => r.json())"
        )
        renca_id = renca["items"][0]["id"]
        pagina.goto(f"{BASE}/admin/pages/add/practicas/practicapage/{renca_id}/")
        pagina.fill("#id_title", "Cabildos barriales de Renca")
        capturar(pagina, "editora-nueva-practica.png")
        # The action menu at the bottom: "Enviar a Revisión de la Coordinación".
        toggle = pagina.locator("footer [data-w-dropdown-target='toggle']").first
        if toggle.count():
            toggle.click()
        capturar(pagina, "editora-enviar-a-revision.png")
        contexto.clear_cookies()

        ingresar(pagina, "coordinacion", "coordinacion")
        pagina.goto(f"{BASE}/admin/solicitudes-ingreso/")
        capturar(pagina, "coordinacion-solicitudes.png")
        pagina.click("text=Fundación Barrios Abiertos")
        pagina.wait_for_url("**/inspect/**")
        pagina.wait_for_load_state("networkidle")
        capturar(pagina, "coordinacion-solicitud-detalle.png")
        pagina.locator("#revisar-titulo").scroll_into_view_if_needed()
        capturar(pagina, "coordinacion-aprobar-rechazar.png")
        navegador.close()


if __name__ == "__main__":
    main()
