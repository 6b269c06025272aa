"""Accounts: sign-up, e-mail verification, log-in, password reset, profile, roles."""
