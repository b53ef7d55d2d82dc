"""Which clauses are events, who takes part, when, and their titles."""
