"""Thin launcher: `python main.py` opens Liaison (or runs a command, see `--help`)."""
import sys

from liaison_app.app import main

if __name__ == "__main__":
    sys.exit(main())
