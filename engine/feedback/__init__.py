"""Feedback on what an answer says: its question's type, relevance first, junk recognised, and a 0-100
score built only from evidence quoted from the transcript (assess.py)."""
