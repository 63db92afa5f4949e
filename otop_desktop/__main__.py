import sys

from otop_desktop.cli import main

sys.exit(main())
