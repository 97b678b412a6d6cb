from roledesign.extensions import db
from roledesign.models import Membership, Organisation, User


def create_organisation(*, name: str, sector: str, creator: User) -> Organisation:
    """A new organisation, with its creator as its first admin."""
    organisation = Organisation(name=name, sector=sector)
    db.session.add(organisation)
    db.session.add(Membership(user=creator, organisation=organisation, role="admin"))
    db.session.flush()
    return organisation
