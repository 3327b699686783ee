"""Native libraries proven on this machine before the app runs them in its own process (see probe.py)."""
