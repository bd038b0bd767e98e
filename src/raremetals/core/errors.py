"""The one error type for bad input: it names the file, the place and what was expected."""

from __future__ import annotations


class InputError(ValueError):
    """A source file (or registry entry) is not what the pipeline expects.

    The message reads ``<file>, row <n>, column '<c>': expected <what>, found <what>`` so a
    user can open the file at that place. ``row`` counts lines of the file, header = 1.
    """

    def __init__(
        self,
        path,
        expected: str,
        found: object = None,
        *,
        row: int | None = None,
        column: str | None = None,
    ):
        self.path, self.row, self.column = str(path), row, column
        self.expected, self.found = expected, found
        where = self.path
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        message = f"{where}: expected {expected}"
        if found is not None:
            message += f", found {found!r}"
        super().__init__(message)


class FetchError(RuntimeError):
    """A download failed or delivered the wrong bytes."""


class OutputError(OSError):
    """A result could not be written (a full or read-only disk): the file and the cause."""

    def __init__(self, path, cause: OSError):
        self.path = str(path)
        super().__init__(
            cause.errno,
            f"{path}: could not write ({cause.strerror or cause}); free space or fix the "
            "folder's permissions, then build again",
        )

    def __str__(self) -> str:
        return str(self.strerror)
