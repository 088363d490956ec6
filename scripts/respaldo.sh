#!/usr/bin/env bash
# Respaldo de la base de datos y de los medios.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/red/media scripts/respaldo.sh [CARPETA]
#
# Escribe en CARPETA (por omisión respaldos/<fecha UTC>):
#   base.dump      pg_dump en formato custom (pg_restore lo lee; sin dueños ni permisos)
#   medios.tar.gz  los archivos subidos (MEDIA_ROOT, o el bucket S3 si AWS_STORAGE_BUCKET_NAME
#                  está definido: se descarga con `aws s3 sync`)
#   SHA256SUMS     sumas de verificación que scripts/restaurar.sh comprueba
set -euo pipefail

: "${DATABASE_URL:?Defina DATABASE_URL (postgres://usuario:clave@host:5432/base)}"
destino="${1:-respaldos/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$destino"

echo "→ base de datos"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$destino/base.dump"

echo "→ medios"
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    command -v aws >/dev/null || { echo "Falta la CLI 'aws' para copiar el bucket S3" >&2; exit 1; }
    temporal="$(mktemp -d)"
    trap 'rm -rf "$temporal"' EXIT
    aws s3 sync ${AWS_S3_ENDPOINT_URL:+--endpoint-url "$AWS_S3_ENDPOINT_URL"} \
        "s3://$AWS_STORAGE_BUCKET_NAME" "$temporal" --only-show-errors
    tar -C "$temporal" -czf "$destino/medios.tar.gz" .
else
    medios="${MEDIA_ROOT:-media}"
    mkdir -p "$medios"
    tar -C "$medios" -czf "$destino/medios.tar.gz" .
fi

(cd "$destino" && sha256sum base.dump medios.tar.gz > SHA256SUMS)
echo "Respaldo listo en $destino"
