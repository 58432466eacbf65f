"""``python -m sprintkit``."""

from sprintkit.cli import main

if __name__ == "__main__":
    main()
