"""Sources in, `Article` out: plain-text pages, HTML, URLs, stdin."""

from presslens.ingest.detect import load

__all__ = ["load"]
