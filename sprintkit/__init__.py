"""sprintkit: run strategy, innovation and experiment sprints from the terminal.

Kept light on purpose: importing the package must not import pydantic, ruamel.yaml,
python-docx, jinja2, matplotlib or scipy (``sprintkit --help`` has to start fast).
"""

__version__ = "0.1.0"
"""The one place the version is written; pyproject.toml reads it from here (importing
``importlib.metadata`` instead would cost every start-up tens of milliseconds)."""
