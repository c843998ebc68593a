"""One hierarchy of errors. A message names the input and says what to do."""


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class InputError(PresslensError):
    """The input cannot be read as an article."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class MissingInputError(InputError):
    """A file named as input does not exist (a mistyped path, never analysed as text)."""


class FetchError(InputError):
    """A URL could not be fetched."""


class SettingsError(PresslensError):
    pass


class ModelNotFoundError(PresslensError):
    pass


class MissingExtraError(PresslensError):
    """A command needs an optional part of presslens that is not installed (`presslens[web]`)."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs the {extra} extra: pip install 'presslens[{extra}]'")
        self.extra = extra
