"""roledesign: plan peer worker roles in mental health services so that they succeed."""

from roledesign.app import create_app

__all__ = ["create_app"]
