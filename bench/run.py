"""`make bench`: throughput, latency and memory of the public site under load.

For SQLite and PostgreSQL: loads N practices (cargar_demo + generar_practicas,
plus generar_eventos, generar_organizaciones and a program of 500 commitments
from generar_compromisos when the site has them) into a database of its own,
serves the site with gunicorn (production-like settings, DEBUG off) and
measures with wrk, from another process, each public page:

- without the page cache and with it (the same site, CACHE_PAGINAS=0 / 1);
- next to (a) the same bytes saved as a static file, served by the same
  gunicorn through WhiteNoise, and (b) a Django view that returns a constant
  response of the same size (bench/urls.py, only in this URLconf): the ceiling
  of any Django page on this machine.

Then, on SQLite, the library at 50 practices against the library at N (speed
and SQL queries), the queries and writes of a search, the memory of the
CSV export at 50 and at N, and a burst of registrations to one event.
Prints a table and writes docs/rendimiento.md.

    .venv/bin/python bench/run.py [--n 5000] [--duracion 5] [--motores sqlite,postgres]
        [--paginas TEXTO]  # only those pages, printed, docs/ untouched

Its parts, run as a script (its folder is on the path): `sitio` prepares the
site and its database, `servidor` starts gunicorn, `medir` runs wrk and
`informe` writes the tables and docs/rendimiento.md.
"""

import argparse
import shutil
import sys

from informe import escribir, objetivos, tabla
from medir import escala, medir, rafaga_de_inscripciones
from sitio import entorno, preparar


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="prácticas en la base")
    parser.add_argument("--duracion", type=int, default=5, help="segundos por medición")
    parser.add_argument("--motores", default="sqlite,postgres")
    parser.add_argument("--sin-extras", action="store_true", help="solo la tabla de páginas")
    parser.add_argument(
        "--paginas",
        metavar="TEXTO",
        help="solo las páginas cuyo nombre contiene TEXTO; imprime y no escribe docs/",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("make bench necesita wrk (apt-get install wrk).")
    comando = " ".join(["make bench", *sys.argv[1:]]) if sys.argv[1:] else "make bench"
    filas = []
    for motor in args.motores.split(","):
        env = entorno(motor)
        preparar(motor, env, args.n)
        filas += medir(motor, env, args.duracion, solo=args.paginas)
    escala_ = rafaga = None
    if not args.sin_extras and not args.paginas and "sqlite" in args.motores:
        escala_ = escala(args.n, args.duracion)
        rafaga = rafaga_de_inscripciones(args.duracion)
    texto = tabla(filas)
    metas = objetivos(filas, escala_, rafaga)
    print()
    print(texto)
    print()
    print(metas)
    if not args.paginas:
        escribir(comando, args.n, args.duracion, filas, texto, metas)


if __name__ == "__main__":
    main()
