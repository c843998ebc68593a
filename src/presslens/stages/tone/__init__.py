"""Tone toward each actor (stage), read by the learned tone model (model)."""

from presslens.stages.tone.model import tone_toward
from presslens.stages.tone.stage import find_tones

__all__ = ["find_tones", "tone_toward"]
