"""The people register (人员名册): who may act is the platform's record, not the caller's word.

Staff, experts and suppliers' users are recorded people; roles and department memberships are
grants with a period, proposed by an administrator and approved by another person holding the
supervisor role. Every command resolves its actor here (`zhaocai.acting`).
"""

from zhaocai.people.bootstrap import enrol_staff
from zhaocai.people.rules import GrantKind, GrantState, PersonKind
from zhaocai.people.views import GrantView, NewGrant, NewPerson, NewSupplierUser, PersonView

__all__ = ["GrantKind", "GrantState", "GrantView", "NewGrant", "NewPerson", "NewSupplierUser",
           "PersonKind", "PersonView", "enrol_staff"]
