"""Invite Triage: should you accept that LinkedIn invitation? Criteria, triage and a guide."""

from .errors import InvalidInputError, InviteTriageError
from .profile import FAMILIES, GOALS, POLICIES, Profile
from .schema import (
    REQUIRED_COLUMNS,
    coerce_invitations,
    empty_invitations,
    read_invitations_csv,
    validate_invitations,
    write_invitations_csv,
)

__version__ = "0.1.0"

__all__ = [
    "FAMILIES",
    "GOALS",
    "POLICIES",
    "REQUIRED_COLUMNS",
    "InvalidInputError",
    "InviteTriageError",
    "Profile",
    "__version__",
    "coerce_invitations",
    "empty_invitations",
    "read_invitations_csv",
    "validate_invitations",
    "write_invitations_csv",
]
