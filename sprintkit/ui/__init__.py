"""Everything that talks to a person: the console facade and the prompts."""
