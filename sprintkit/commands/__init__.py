"""One small module per command group: parse options, call the library, print. No domain logic.

Each module exposes ``register(app)``; module level imports stay light (typer and stdlib only),
so ``sprintkit --help`` never loads pydantic, ruamel.yaml, docx, jinja2, matplotlib or scipy."""
