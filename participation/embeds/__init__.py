"""Embeds: compact cards of consultations and events for the city's other websites to frame."""
