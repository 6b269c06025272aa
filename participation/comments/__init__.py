"""Comments on consultations: threads, endorsements, reports and appeals."""
