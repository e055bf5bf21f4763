"""Exceptions and warnings raised by the pipeline.

Library code raises these; the command line turns them into one line per problem that
names the file and says what to do.
"""


class PipelineError(Exception):
    """A problem that stops one article from being processed."""

    def __init__(self, path: str, message: str, hint: str = ""):
        self.path = path
        self.message = message
        self.hint = hint
        super().__init__(self.describe())

    def __reduce__(self):
        # rebuilt from its fields, not from Exception.args (the message alone): a worker
        # process or a cluster's worker sends it back to the one that reports it
        return type(self), (self.path, self.message, self.hint), self.__dict__

    def describe(self) -> str:
        text = f"{self.path}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ReadError(PipelineError):
    """The file cannot be read as an article."""


class DataFileError(ValueError):
    """A data file of the tool itself (under ``pipeline/data``) is broken. Every article
    would fail alike, so the run stops once, naming the file, instead of skipping each
    article with the same error."""


class PipelineWarning(UserWarning):
    """A problem worth reporting that does not stop the article (e.g. a legacy encoding)."""
