"""Participation events: registration with a waiting list, guests, check-in and reports."""
