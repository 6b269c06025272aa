"""Home, fixed pages (privacy, accessibility), language negotiation, health check."""
