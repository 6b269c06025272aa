"""Questions in a consultation, residents' ballots, results and verifiable receipts."""
