"""Practice that builds skill across sessions: a question asked again (redo; its attempts side by side are
engine/report/attempts_view.py), and the weak-spot drill's spaced-repetition queue."""
