from sqlalchemy import func, select

from roledesign.extensions import db, login_manager
from roledesign.models import User
from roledesign.web.auth.passwords import dummy_verify, hash_password, verify_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def email_taken(email: str) -> bool:
    return (
        db.session.scalar(
            select(func.count()).select_from(User).where(User.email == normalise_email(email))
        )
        > 0
    )


def create_user(*, name: str, email: str, password: str) -> User:
    user = User(name=name, email=normalise_email(email), password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        dummy_verify(password)
        return None
    return user if verify_password(user.password_hash, password) else None
