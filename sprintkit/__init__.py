"""sprintkit: run strategy, innovation and experiment sprints from the terminal.

Kept light on purpose: importing the package must not import pydantic, ruamel.yaml,
python-docx, jinja2, matplotlib or scipy (``sprintkit --help`` has to start fast).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sprintkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
