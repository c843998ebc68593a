"""The figures stage: every number of an article with its value, unit, bound, change and period
(see stage.py for the flow)."""

from presslens.stages.figures.stage import extract_figures, find_figures

__all__ = ["extract_figures", "find_figures"]
