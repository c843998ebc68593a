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


class FetchError(InputError):
    """A URL could not be fetched."""


class SettingsError(PresslensError):
    pass


class ModelNotFoundError(PresslensError):
    pass
