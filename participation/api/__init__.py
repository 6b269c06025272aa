"""Open data: the read-only public API (/api/v1/), its OpenAPI description, the page that
explains it (/<lang>/open-data) and the CSV downloads."""
