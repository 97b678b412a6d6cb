"""The team self-assessment, manager side: set up, share, report, export."""
