"""The application layer: what the web views and the CLI both call.

Services change the database and flush; they never commit (the caller ends the transaction
through `services.transaction`) and never import `roledesign.web`.
"""
