"""Compiles the .po catalogues in locale/ to .mo with polib.

Django's compilemessages needs GNU gettext installed on the machine; this
does the same in pure Python, so a fresh machine needs nothing extra.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compila los catálogos de traducción (locale/*/LC_MESSAGES/*.po) sin gettext."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(f"  · {po_path.relative_to(settings.BASE_DIR)}")
        self.stdout.write(f"Catálogos compilados: {compiled}")
