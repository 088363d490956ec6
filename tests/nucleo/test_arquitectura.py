"""The layering of docs/arquitectura.md holds, and breaking it fails `make test`."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PAQUETES = ["nucleo", "red", "home", "practicas", "eventos", "organizaciones", "rendicion"]


def lint_imports(carpeta):
    return subprocess.run(  # noqa: S603 - our own tool on our own copy
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=carpeta,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(carpeta), "PATH": "/usr/bin:/bin"},
    )


def copia_del_proyecto(tmp_path):
    copia = tmp_path / "proyecto"
    copia.mkdir()
    shutil.copy(BASE / "pyproject.toml", copia / "pyproject.toml")
    for paquete in PAQUETES:
        shutil.copytree(
            BASE / paquete, copia / paquete, ignore=shutil.ignore_patterns("__pycache__")
        )
    return copia


def test_las_capas_se_cumplen(tmp_path):
    resultado = lint_imports(copia_del_proyecto(tmp_path))
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert "1 kept, 0 broken" in resultado.stdout


def test_el_nucleo_no_puede_importar_un_dominio(tmp_path):
    copia = copia_del_proyecto(tmp_path)
    modulo = copia / "nucleo" / "correo.py"
    modulo.write_text(modulo.read_text() + "\nfrom red.models import Comuna  # noqa\n")
    resultado = lint_imports(copia)
    assert resultado.returncode != 0
    assert "nucleo.correo -> red.models" in resultado.stdout


def test_un_dominio_no_puede_importar_uno_de_arriba(tmp_path):
    copia = copia_del_proyecto(tmp_path)
    modulo = copia / "red" / "mapa.py"
    modulo.write_text(modulo.read_text() + "\nfrom practicas.models import PracticaPage  # noqa\n")
    resultado = lint_imports(copia)
    assert resultado.returncode != 0
    assert "red.mapa -> practicas.models" in resultado.stdout
