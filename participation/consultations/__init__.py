"""Consultations: what the city asks residents about, with themes, phases and networks."""
