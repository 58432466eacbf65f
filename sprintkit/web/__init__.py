"""The live session in the browser (``sprintkit serve``): participants join on their phones over
the local network, add sticky notes, dot-vote, score and tell stories at the story point; the
facilitator's projector view shows the live tally. Results land in the sprint through the same
transaction path as ``run`` (``ops``), stories in ``stories.db``.

This layer sits beside :mod:`sprintkit.ui` (which faces a person in a terminal): it may use ops,
render, files, engine and model, never ui. Starlette and uvicorn are imported only here."""
