"""Pure domain logic: no terminal, no files, no rendering."""
