"""Check a job description or advert: paste or upload it, see what would dilute the role."""
