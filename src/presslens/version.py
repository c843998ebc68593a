"""The version of presslens, in one place (read by the package, the dossier and the CLI)."""

__version__ = "0.1.0"
