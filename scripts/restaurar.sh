#!/usr/bin/env bash
# Restaura un respaldo de scripts/respaldo.sh en una base de datos VACÍA.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/red/media scripts/restaurar.sh CARPETA
#
# Comprueba las sumas, se niega a escribir sobre una base que ya tiene tablas,
# restaura la base con pg_restore y los medios en MEDIA_ROOT (o en el bucket S3
# si AWS_STORAGE_BUCKET_NAME está definido). Después conviene correr
# `manage.py migrate` (por si el código es más nuevo que el respaldo).
set -euo pipefail

: "${DATABASE_URL:?Defina DATABASE_URL de la base vacía de destino}"
origen="${1:?Indique la carpeta del respaldo}"

(cd "$origen" && sha256sum --check --quiet SHA256SUMS)

tablas="$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$tablas" != "0" ]; then
    echo "La base de destino ya tiene $tablas tablas: restaure en una base vacía." >&2
    exit 1
fi

echo "→ base de datos"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$origen/base.dump"

echo "→ medios"
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    command -v aws >/dev/null || { echo "Falta la CLI 'aws' para copiar al bucket S3" >&2; exit 1; }
    temporal="$(mktemp -d)"
    trap 'rm -rf "$temporal"' EXIT
    tar -C "$temporal" -xzf "$origen/medios.tar.gz"
    aws s3 sync ${AWS_S3_ENDPOINT_URL:+--endpoint-url "$AWS_S3_ENDPOINT_URL"} \
        "$temporal" "s3://$AWS_STORAGE_BUCKET_NAME" --only-show-errors
else
    medios="${MEDIA_ROOT:-media}"
    mkdir -p "$medios"
    tar -C "$medios" -xzf "$origen/medios.tar.gz"
fi
echo "Restauración lista desde $origen"
