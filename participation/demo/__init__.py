"""Demo content for `flask seed-demo`, written from the City of Ghent's own texts."""
