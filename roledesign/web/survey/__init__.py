"""The team self-assessment, respondent side: an anonymous survey reached by its link."""
