# The presslens web site for a team: `presslens serve` on a stored corpus, with several workers.
#
#   docker build -t presslens .
#   docker run -d -p 8000:8000 -v presslens-data:/data \
#       -e PRESSLENS_ALLOWED_HOSTS=presslens.example.org presslens          # SQLite in /data
#   docker run --rm -v presslens-data:/data -v "$PWD/articles:/articles:ro" \
#       presslens presslens ingest /articles                                  # fill the corpus
#   docker run -d -p 8000:8000 -e PRESSLENS_DB=postgresql://user:pw@db/presslens \
#       -e PRESSLENS_ALLOWED_HOSTS=presslens.example.org presslens          # or PostgreSQL
#
# Put a reverse proxy (nginx, Caddy, Traefik) in front for TLS: see "Running it for a team" in
# the README.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# pyproject.toml names README.md as the package's long description: both are needed to build
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install '.[web,postgres]'

RUN useradd --create-home --uid 1000 presslens \
    && mkdir /data \
    && chown presslens /data
USER presslens
WORKDIR /data

# the store (a SQLite file in the /data volume, or a postgresql:// URL), the Host names the site
# answers to (comma-separated: add the proxy's public name), and the server processes
ENV PRESSLENS_DB=/data/presslens.db \
    PRESSLENS_ALLOWED_HOSTS=localhost,127.0.0.1 \
    PRESSLENS_WORKERS=4
VOLUME ["/data"]
EXPOSE 8000
CMD ["presslens", "serve", "--host", "0.0.0.0", "--port", "8000"]
