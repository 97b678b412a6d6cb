"""Individual, single-use invitations to the team self-assessment, sent by e-mail."""
