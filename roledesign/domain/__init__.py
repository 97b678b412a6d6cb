"""Pure domain logic: scoring, applicability, reports. Imports nothing from Flask or the database."""
