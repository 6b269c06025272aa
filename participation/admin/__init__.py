"""Administration: accounts and roles, and the development mail outbox."""
