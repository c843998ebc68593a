"""Outputs: the dossier as JSON (the contract), Markdown and a standalone HTML report."""
