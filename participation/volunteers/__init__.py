"""Volunteer registration, teams and the hours log (表1 task 11)."""
