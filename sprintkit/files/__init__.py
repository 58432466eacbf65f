"""The only place that touches user files: YAML with locations, comment-preserving writes,
atomic saves, locks and imports."""
