"""The exceptions claimgraph raises.

Every exception is a :class:`ClaimGraphError`; each also subclasses the built-in a Python user
would expect (a missing id is a ``KeyError``, a bad value a ``ValueError``, a failed file operation
an ``OSError``), so existing ``except`` clauses keep working. Each carries what went wrong as
attributes (``id``, ``field``, ``line``...); attributes that do not apply are ``None``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ClaimGraphError",
    "DuplicateIdError",
    "FormatError",
    "InvalidInputError",
    "IoError",
    "LimitExceededError",
    "MergeConflictError",
    "NotFoundError",
    "UnsupportedVersionError",
]


class ClaimGraphError(Exception):
    """Base of every claimgraph error.

    Raised as such only for an internal failure (a bug in claimgraph, reported with its message
    rather than crashing the interpreter).
    """

    #: The id of the record involved.
    id: str | None = None
    #: The field (keyword argument or file key) that was wrong.
    field: str | None = None
    #: The kind of record involved (a :class:`claimgraph.RecordKind` value).
    kind: str | None = None
    #: Why the input was rejected, in words.
    reason: str | None = None

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        for name, value in details.items():
            setattr(self, name, value)

    def __str__(self) -> str:
        # KeyError would print the message quoted; every claimgraph error reads the same way.
        return str(self.args[0]) if self.args else ""


class NotFoundError(ClaimGraphError, KeyError):
    """No record with this id exists (of the kind asked for): ``kind`` and ``id`` say which."""


class DuplicateIdError(ClaimGraphError, ValueError):
    """The id is already used: ``id``, and ``existing``, the kind of record that holds it."""

    #: The kind of record that already holds the id.
    existing: str | None = None


class InvalidInputError(ClaimGraphError, ValueError):
    """A value was not acceptable: a malformed id, an empty field, an unreadable date, or an id of
    the wrong kind of record.

    ``id`` and ``field`` name the record and field (``id`` is the value itself when there is no
    record yet); ``value`` holds an unreadable date's text; for an id of the wrong kind, ``target``
    is the id given, ``expected`` the kind it must name and ``found`` the kind it names.
    """

    #: The text of an unreadable date.
    value: str | None = None
    #: The id a field named, when it names the wrong kind of record.
    target: str | None = None
    #: The kind of record the field must name.
    expected: str | None = None
    #: The kind of record the field names.
    found: str | None = None


class FormatError(ClaimGraphError, ValueError):
    """A file or string is not valid in its format: ``format``, and where: ``path``, ``line``,
    ``column``, ``record`` (an id or a JSON path), each ``None`` when unknown."""

    #: The format being read ("claimgraph JSON", "JSON Lines"...).
    format: str | None = None
    #: The file, when the input came from one.
    path: str | None = None
    #: 1-based line number.
    line: int | None = None
    #: 1-based column number.
    column: int | None = None
    #: The record (id or JSON path) the problem is in.
    record: str | None = None


class UnsupportedVersionError(FormatError):
    """A native file of a format version this library does not read: ``found`` and ``supported``."""

    #: The version found in the file.
    found: int | None = None
    #: The version this library reads and writes.
    supported: int | None = None


class MergeConflictError(ClaimGraphError, ValueError):
    """Two graphs disagree on a field of the same record and the merge was asked to fail:
    ``kind``, ``id``, ``field``, and both values as JSON in ``ours`` and ``theirs``."""

    #: This graph's value, as JSON.
    ours: str | None = None
    #: The other graph's value, as JSON.
    theirs: str | None = None


class LimitExceededError(ClaimGraphError):
    """A query would produce more results than its limit: ``what``, ``id`` and ``limit``."""

    #: What was being enumerated.
    what: str | None = None
    #: The limit.
    limit: int | None = None


class IoError(ClaimGraphError, OSError):
    """Reading or writing a file failed.

    Also an ``OSError`` with ``errno``, ``strerror`` and ``filename`` set as the operating system
    reported them (it is not narrowed to ``FileNotFoundError`` and the like: test ``errno``).
    ``action`` says what was being done ("read", "write", "rename"...), ``path`` the file.
    """

    #: What was being done.
    action: str | None = None
    #: The file.
    path: str | None = None

    def __init__(
        self,
        message: str,
        *,
        errno: int | None = None,
        strerror: str | None = None,
        **details: Any,
    ) -> None:
        OSError.__init__(self, errno, strerror, details.get("path"))
        self._message = message
        for name, value in details.items():
            setattr(self, name, value)

    def __str__(self) -> str:
        return self._message
