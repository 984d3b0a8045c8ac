"""Storage, plans, reports and exchange: what comes back to parents and therapists."""
