"""Use cases: load what is needed, change or compute, save — what commands and ``api`` call.

One module per area (hypotheses, reports, stories, …). Functions take keyword arguments that
mirror the CLI flags one to one, return plain results, and raise ``sprintkit.errors`` types."""
