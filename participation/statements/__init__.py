"""The opinion map: statements residents agree or disagree with, the groups and common ground."""
