"""Starts OTOP Desktop from a checkout: ``python main.py [--db DB] [--lang th|en] [--self-test]``.
An installed program starts the same function as ``otop-desktop-gui``; the bundle runs this
file (build.spec)."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
