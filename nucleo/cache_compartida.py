"""The store every process shares when there is no Redis: Django's database cache
with an atomic `incr`.

It holds only what must be the same for every gunicorn worker: the two cache
versions (nucleo/cache.py) and the rate-limit counters (django-ratelimit, through
nucleo.seguridad.envios_agotados). Django's DatabaseCache `incr` is a get and a
set: two workers counting at once would lose a submission. Here the row is locked
first (SELECT ... FOR UPDATE where the database has it; SQLite, in IMMEDIATE
transaction mode, takes its write lock at BEGIN) and only its value changes, so
the counter keeps its expiry (the rate-limit window).
"""

import base64
import pickle  # nosec B403 - values this site wrote itself, as Django's DatabaseCache

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class CacheCompartida(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        clave = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        conexion = connections[db]
        q = conexion.ops.quote_name
        tabla = q(self._table)
        bloqueo = " FOR UPDATE" if conexion.features.has_select_for_update else ""
        with transaction.atomic(using=db), conexion.cursor() as cursor:
            # The lock first: get() then reads a value no other process can change.
            cursor.execute(
                f"SELECT {q('cache_key')} FROM {tabla} WHERE {q('cache_key')} = %s{bloqueo}",  # noqa: S608 # nosec B608
                [clave],
            )
            valor = self.get(key, version=version)
            if valor is None:
                raise ValueError(f"Key '{key}' not found")
            nuevo = valor + delta
            codificado = base64.b64encode(pickle.dumps(nuevo, self.pickle_protocol))
            cursor.execute(
                f"UPDATE {tabla} SET {q('value')} = %s WHERE {q('cache_key')} = %s",  # noqa: S608 # nosec B608
                [codificado.decode("latin1"), clave],
            )
        return nuevo
