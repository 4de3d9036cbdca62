"""Record who claimed what, who denied it and where each claim came from, and ask a
fact-checker's questions of that record.

>>> import claimgraph
>>> g = claimgraph.ClaimGraph()
>>> _ = g.add_source("rok-sources", "unnamed_group", "ROK sources")
>>> _ = g.add_source("russia", "government", "Russia")
>>> _ = g.add_claim("containers", "DPRK delivered 6,700 containers to Russia",
...                 subjects=["russia"])
>>> _ = g.add_attribution("rok-sources", "containers", "asserts")
>>> _ = g.add_attribution("russia", "containers", claimgraph.Stance.DENIES, quote="mad rumors")
>>> s = g.status("containers")
>>> s.disputed, s.interested_deniers, s.unnamed_only
(True, ('russia',), True)

Dates are accepted as ``datetime.date``, aware ``datetime.datetime`` or ISO text, partial dates
included ("2024", "2024-06"); they come back as the core's canonical text, which keeps a partial
date partial. Kinds, stances and modalities are ``enum.Enum`` members that are also ``str``;
every argument takes the member or its name.
"""

from ._claimgraph import (
    AsOf,
    Assessment,
    Attribution,
    Chain,
    CircularReporting,
    Claim,
    ClaimGraph,
    ClaimRelation,
    Contradiction,
    Counts,
    DuplicateCandidate,
    Event,
    Extraction,
    Findings,
    HistoryCheck,
    Hop,
    ImportReport,
    Inference,
    IngestReport,
    MatchPart,
    MergeConflict,
    MergeReport,
    Origin,
    OriginGroup,
    Period,
    Quantity,
    Rating,
    Reason,
    Records,
    RejectedRecord,
    SimilarClaim,
    SkippedRecord,
    Source,
    SourceRelation,
    Status,
    StatusSummary,
    StoredGraph,
    Transaction,
    Unplaced,
    Verdict,
    __version__,
    extract,
)
from ._enums import (
    ClaimRelationKind,
    MergeChoice,
    MergePolicy,
    Modality,
    RecordKind,
    Reliability,
    SourceKind,
    SourceRelationKind,
    Stance,
)
from ._errors import (
    ClaimGraphError,
    DuplicateIdError,
    FormatError,
    InvalidInputError,
    IoError,
    LimitExceededError,
    MergeConflictError,
    NotFoundError,
    UnsupportedVersionError,
)
from ._notebook import StatusTable

__all__ = [
    "AsOf",
    "Assessment",
    "Attribution",
    "Chain",
    "CircularReporting",
    "Claim",
    "ClaimGraph",
    "ClaimGraphError",
    "ClaimRelation",
    "ClaimRelationKind",
    "Contradiction",
    "Counts",
    "DuplicateCandidate",
    "Event",
    "Extraction",
    "DuplicateIdError",
    "Findings",
    "FormatError",
    "HistoryCheck",
    "Hop",
    "ImportReport",
    "Inference",
    "IngestReport",
    "InvalidInputError",
    "IoError",
    "LimitExceededError",
    "MatchPart",
    "MergeChoice",
    "MergeConflict",
    "MergeConflictError",
    "MergePolicy",
    "MergeReport",
    "Modality",
    "NotFoundError",
    "Origin",
    "OriginGroup",
    "Period",
    "Quantity",
    "Rating",
    "Reason",
    "RecordKind",
    "Records",
    "RejectedRecord",
    "Reliability",
    "SimilarClaim",
    "SkippedRecord",
    "Source",
    "SourceKind",
    "SourceRelation",
    "SourceRelationKind",
    "Stance",
    "Status",
    "StatusSummary",
    "StatusTable",
    "StoredGraph",
    "Transaction",
    "Unplaced",
    "UnsupportedVersionError",
    "Verdict",
    "__version__",
    "extract",
]
