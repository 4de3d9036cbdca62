"""The named values of the model: kinds, stances, modalities, grades and merge policies.

Every member is also a ``str`` equal to the name the core uses in files, so ``Stance.DENIES ==
"denies"``; every function that takes one of these accepts the member or its name.
"""

from __future__ import annotations

import enum

__all__ = [
    "ClaimRelationKind",
    "MergeChoice",
    "MergePolicy",
    "Modality",
    "RecordKind",
    "Reliability",
    "SourceKind",
    "SourceRelationKind",
    "Stance",
]


class _Named(str, enum.Enum):
    """A value whose text is the core's name for it."""

    def __str__(self) -> str:
        return str(self.value)


class SourceKind(_Named):
    """What sort of source it is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    OUTLET = "outlet"
    DOCUMENT = "document"
    UNNAMED_GROUP = "unnamed_group"
    COLLECTIVE = "collective"


class Stance(_Named):
    """Where a source stands on a claim."""

    ASSERTS = "asserts"
    DENIES = "denies"
    DOUBTS = "doubts"
    #: A non-statement ("declined to comment", "did not respond"): shown, counted neither way.
    NO_COMMENT = "no_comment"


class Modality(_Named):
    """How firmly the wording commits the source ("stated" unless it hedges or forecasts)."""

    STATED = "stated"
    ALLEGED = "alleged"
    EXPECTED = "expected"
    SPECULATED = "speculated"


class Reliability(_Named):
    """Reliability of a source on the Admiralty scale, A (completely reliable) to F (cannot be
    judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class SourceRelationKind(_Named):
    """How one source stands to another."""

    CITES = "cites"
    AUTHORED_BY = "authored_by"
    PUBLISHED_IN = "published_in"
    AFFILIATED_WITH = "affiliated_with"


class ClaimRelationKind(_Named):
    """How one claim stands to another."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    SPECIALIZES = "specializes"
    SAME_AS = "same_as"
    DEPENDS_ON = "depends_on"


class RecordKind(_Named):
    """What kind of record an id names (used in errors and merge reports)."""

    SOURCE = "source"
    CLAIM = "claim"
    NODE = "node"
    ATTRIBUTION = "attribution"
    SOURCE_RELATION = "source_relation"
    CLAIM_RELATION = "claim_relation"
    VERDICT = "verdict"
    EDGE = "edge"


class MergePolicy(_Named):
    """What a merge does when both graphs hold a record with the same id but different fields."""

    FAIL = "fail"
    KEEP_OURS = "keep_ours"
    TAKE_THEIRS = "take_theirs"


class MergeChoice(_Named):
    """Which side a merge conflict was settled for."""

    OURS = "ours"
    THEIRS = "theirs"
