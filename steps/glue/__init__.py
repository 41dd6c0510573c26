"""Thin registrations of the step library with each runner (pytest-bdd plugin, behave adapter)."""
