"""Pure domain logic: scoring, applicability, charts. Imports nothing from Flask or the database."""
