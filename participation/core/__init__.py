"""Cross-cutting code shared by every feature; imports no feature package."""
